using System.Text.Json;
using Keukentafel.Cases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Web;

/// <summary>
/// The one place where the API turns a refusal into its problem response (with the refusal's <c>code</c>, and its field):
/// something not the caller's is 404; a step not his to take 403; a broken rule 422; a step that does not fit the state, or
/// a concurrent edit, 409. The pages' twin is <see cref="RefusalPageFilter"/>.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!WebExtensions.IsApi(httpContext))
        {
            return false; // a page's refusals are shown by RefusalPageFilter; what escapes it gets the error page
        }

        if (exception is BadHttpRequestException bad)
        {
            var unreadable = ApiProblems.FromBadRequest(bad);
            httpContext.Response.StatusCode = unreadable.Status!.Value;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = unreadable });
        }

        var (status, code, title) = exception switch
        {
            NotYoursException notYours => (StatusCodes.Status404NotFound, notYours.Code, notYours.Message),
            DomainException { IsForbidden: true } forbidden => (StatusCodes.Status403Forbidden, forbidden.Code, forbidden.Message),
            DomainException domain =>
                (domain.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, domain.Code, domain.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "concurrency.conflict",
                "Iemand anders heeft dit intussen gewijzigd. Laad de gegevens opnieuw en probeer het nog eens."),
            DbUpdateException clash when IsUniqueViolation(clash) => (StatusCodes.Status409Conflict, "concurrency.clash",
                "Op hetzelfde moment werd hetzelfde vastgelegd. Laad de gegevens opnieuw en probeer het nog eens."),
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
            ProblemDetails = { Status = status, Title = title, Type = ApiProblems.TypeOf(code), Extensions = { ["code"] = code } },
        };
        if (exception is DomainException { Field: { } field } and not NotYoursException)
        {
            problem.ProblemDetails.Extensions["field"] = JsonNamingPolicy.CamelCase.ConvertName(field);
        }

        if (exception is StaleCaseException stale)
        {
            // The way to see the other change: what happened since the version the caller worked on.
            var changes = await httpContext.RequestServices.GetRequiredService<CaseWork>()
                .ChangesSinceAsync(stale.CaseId, stale.ExpectedVersion, cancellationToken);
            problem.ProblemDetails.Extensions["currentVersion"] = stale.CurrentVersion;
            problem.ProblemDetails.Extensions["changesSince"] = changes.Select(e => new { e.Version, e.AtUtc, Actor = e.ActorName, e.Summary }).ToList();
        }

        return await problemDetails.TryWriteAsync(problem);
    }

    /// <summary>Two writes at the same moment that would make the same unique row: the one that lost is told so, never a 500.</summary>
    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };
}
