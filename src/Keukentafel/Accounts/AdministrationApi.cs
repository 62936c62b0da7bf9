using System.ComponentModel.DataAnnotations;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Accounts;

/// <summary>Account administration over JSON, for IT administrators only.</summary>
public static class AdministrationApi
{
    public static IEndpointRouteBuilder MapAdministrationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Api, Policies.Administration);
        api.MapGet("/accounts", Accounts)
            .WithSummary("Accounts in a stable order, one page at a time: pass the last id of a page as 'after' for the next.");
        api.MapPost("/accounts/{id:guid}/unlock", Unlock)
            .WithSummary("Lift a lock-out after too many failed sign-ins.");
        api.MapGet("/mail-queue", MailQueueStatus)
            .WithSummary("How outgoing mail stands: how many wait, went, were given up or not needed, and the mails that failed at least once "
                + "(never an address or a text).");
        return endpoints;
    }

    /// <summary>A page's <c>next</c> is the last account's id: the next page goes on after it.</summary>
    private static async Task<Ok<Page<AccountRow>>> Accounts(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, string? q, AccountAdministration admin,
        CancellationToken ct)
    {
        Guid? after = cursor is null ? null : Guid.TryParse(cursor, out var id) ? id : throw Pages.UnknownCursor();
        var size = limit ?? Pages.DefaultLimit;
        var rows = await admin.PageAsync(after, size, q, ct);
        return TypedResults.Ok(new Page<AccountRow>(rows, rows.Count == size ? rows[^1].Id.ToString() : null));
    }

    private static async Task<Ok<Mail.MailQueueStatus>> MailQueueStatus(Data.KeukentafelDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Mail.QueuedMailSender.StatusAsync(db, ct));

    private static async Task<NoContent> Unlock(Guid id, AccountAdministration admin)
    {
        await admin.UnlockAsync(id);
        return TypedResults.NoContent();
    }
}
