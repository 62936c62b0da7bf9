using Keukentafel.Cases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Web;

/// <summary>
/// Turns a broken domain rule into ProblemDetails (422) and a concurrent edit into 409, with the
/// Dutch message for the user. Pages catch <see cref="DomainException"/> themselves to show the
/// message beside the form; this is the API's and the last line's answer.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!WebExtensions.IsApi(httpContext))
        {
            return false; // a page shows its own message beside the form; what escapes it gets the error page
        }

        var (status, code, title) = exception switch
        {
            DomainException domain => (domain.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, domain.Code, domain.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "concurrency.conflict",
                "Iemand anders heeft dit intussen gewijzigd. Laad de gegevens opnieuw en probeer het nog eens."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Type = $"https://keukentafel.example/problemen/{code}", Extensions = { ["code"] = code } },
        };
        if (exception is StaleCaseException stale)
        {
            // The way to see the other change: what happened since the version the caller worked on.
            var changes = await httpContext.RequestServices.GetRequiredService<CaseWork>().ChangesSinceAsync(stale.CaseId, stale.ExpectedVersion, cancellationToken);
            problem.ProblemDetails.Extensions["currentVersion"] = stale.CurrentVersion;
            problem.ProblemDetails.Extensions["changesSince"] = changes.Select(e => new { e.Version, e.AtUtc, Actor = e.ActorName, e.Summary }).ToList();
        }

        return await problemDetails.TryWriteAsync(problem);
    }
}
