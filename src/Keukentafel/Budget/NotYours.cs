using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Budget;

/// <summary>For endpoints: something of a neighbourhood or organisation the user has no part in is "not found" (the service logged the attempt).</summary>
public static class NotYours
{
    public static async Task<Results<T, NotFound>> OrNotFoundAsync<T>(Func<Task<T>> work)
        where T : IResult
    {
        try
        {
            return await work();
        }
        catch (NotYoursException)
        {
            return TypedResults.NotFound();
        }
    }
}
