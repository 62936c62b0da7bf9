using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Web;

/// <summary>
/// A page whose handlers a rule may refuse. After a refusal the page is shown again, with what the user typed and the
/// rule's message beside the field it names (or at the top).
/// </summary>
public interface IRefusablePage
{
    /// <summary>Loads what the page shows, as its GET would, keeping the posted input; the refusal is already in ModelState.</summary>
    Task<IActionResult> ShowAgainAsync(DomainException refused);

    /// <summary>The ModelState key of the refused field, where the form's field names do not follow the rule's (null: the filter finds it).</summary>
    string? FieldKey(DomainException refused) => null;

    /// <summary>The message in the page's language (a resident's page may be in English); the rule's own is Dutch.</summary>
    string MessageOf(DomainException refused) => refused.Message;
}

/// <summary>
/// The one place where a page turns a refusal into what the user sees: something not his is "not found" (404); a broken
/// rule is the Dutch message beside the field the refusal names (the posted field whose name ends in it), or at the top,
/// on the page shown again by <see cref="IRefusablePage.ShowAgainAsync"/>. The API's twin is <see cref="DomainExceptionHandler"/>.
/// </summary>
public sealed class RefusalPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled)
        {
            return;
        }

        switch (executed.Exception)
        {
            case NotYoursException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case DomainException refused when context.HandlerInstance is IRefusablePage page and PageModel model:
                model.ModelState.AddModelError(page.FieldKey(refused) ?? PostedField(context.HttpContext.Request, refused.Field), page.MessageOf(refused));
                executed.Result = await ShowAgainAsync(page, refused);
                executed.ExceptionHandled = true;
                break;
        }
    }

    private static async Task<IActionResult> ShowAgainAsync(IRefusablePage page, DomainException refused)
    {
        try
        {
            return await page.ShowAgainAsync(refused);
        }
        catch (NotYoursException)
        {
            return new NotFoundResult(); // gone, or no longer his, between the refusal and the page
        }
    }

    /// <summary>The posted form field the refusal is about: <c>Answer.Text</c> for the field <c>Text</c>; none: the top of the page.</summary>
    private static string PostedField(HttpRequest request, string? field)
    {
        if (field is null || !request.HasFormContentType)
        {
            return "";
        }

        return request.Form.Keys.FirstOrDefault(k => k.Equals(field, StringComparison.OrdinalIgnoreCase)
            || k.EndsWith("." + field, StringComparison.OrdinalIgnoreCase))
            ?? request.Form.Keys.Select(k => WholeOf(k, field)).FirstOrDefault(k => k is not null) ?? "";
    }

    /// <summary>A field typed in parts is refused as a whole: <c>Input.DateOfBirth</c> for <c>Input.DateOfBirth.Day</c>.</summary>
    private static string? WholeOf(string key, string field)
    {
        var at = ("." + key).IndexOf("." + field + ".", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : key[..(at + field.Length)];
    }
}

public static class PageRoutes
{
    /// <summary>A page's id from its route (<c>{id:guid}</c>), for showing it again after a refusal.</summary>
    public static Guid RouteId(this PageModel page, string name = "id") =>
        Guid.TryParse(page.RouteData.Values[name]?.ToString(), out var id) ? id : Guid.Empty;
}
