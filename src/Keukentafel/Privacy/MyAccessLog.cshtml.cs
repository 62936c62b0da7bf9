using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Residents;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Privacy;

/// <summary>The resident's own page: who looked at his file, per day, with reasons; to download as PDF or CSV.</summary>
public sealed class MyAccessLogPage(AccessLog log, AccessLogExport export, CaseAccess access, TrustedPeople trusted, TimeProvider time)
    : ResidentPageModel(trusted)
{
    public IReadOnlyList<AccessLogDay> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await WhoseAsync("logboek") is not { } whose)
        {
            return Voor is null ? Page() : NotFound();
        }

        await access.LogAsync(null, whose.ResidentId, AuditAction.Read, "logboek", HttpContext.RequestAborted);
        Days = AccessLog.ByDay(await EntriesAsync(whose));
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync() =>
        await ExportAsync(entries => File(AccessLogExport.Csv(entries), "text/csv; charset=utf-8", "wie-keek-in-mijn-dossier.csv"));

    public async Task<IActionResult> OnGetPdfAsync() =>
        await ExportAsync(entries => File(
            export.Pdf("Wie keek in mijn dossier",
                AccessLogExport.MadeFor(
                    Whose is { ByTrustedPerson: true } along ? along.ResidentName ?? "" : User.FindFirstValue(AccountClaims.DisplayName) ?? "", time),
                AccessLog.ByDay(entries)),
            "application/pdf", "wie-keek-in-mijn-dossier.pdf"));

    private async Task<IActionResult> ExportAsync(Func<IReadOnlyList<AccessLogEntry>, IActionResult> file)
    {
        if (await WhoseAsync("logboek") is not { } whose)
        {
            return NotFound();
        }

        await access.LogAsync(null, whose.ResidentId, AuditAction.Export, "logboek", HttpContext.RequestAborted);
        return file(await EntriesAsync(whose));
    }

    private Task<IReadOnlyList<AccessLogEntry>> EntriesAsync(PagesOf whose) => log.AsHeReadsItAsync(whose, User.AccountId(), HttpContext.RequestAborted);
}
