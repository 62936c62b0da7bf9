using System.Security.Claims;
using Keukentafel.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Privacy;

/// <summary>The resident's own page: who looked at his file, per day, with reasons; to download as PDF or CSV.</summary>
public sealed class MyAccessLogPage(AccessLog log, AccessLogExport export, CaseAccess access, TimeProvider time) : PageModel
{
    public bool Linked { get; private set; }

    public IReadOnlyList<AccessLogDay> Days { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (ResidentId() is { } resident)
        {
            Linked = true;
            await access.LogAsync(HttpContext, null, resident, AuditAction.Read, "logboek", HttpContext.RequestAborted);
            Days = AccessLog.ByDay(await log.ForResidentAsync(resident, User.AccountId(), HttpContext.RequestAborted));
        }
    }

    public async Task<IActionResult> OnGetCsvAsync() =>
        await ExportAsync(entries => File(AccessLogExport.Csv(entries), "text/csv; charset=utf-8", "wie-keek-in-mijn-dossier.csv"));

    public async Task<IActionResult> OnGetPdfAsync() =>
        await ExportAsync(entries => File(
            export.Pdf("Wie keek in mijn dossier", AccessLogExport.MadeFor(User.FindFirstValue(AccountClaims.DisplayName) ?? "", time), AccessLog.ByDay(entries)),
            "application/pdf", "wie-keek-in-mijn-dossier.pdf"));

    private async Task<IActionResult> ExportAsync(Func<IReadOnlyList<AccessLogEntry>, IActionResult> file)
    {
        if (ResidentId() is not { } resident)
        {
            return NotFound();
        }

        await access.LogAsync(HttpContext, null, resident, AuditAction.Export, "logboek", HttpContext.RequestAborted);
        return file(await log.ForResidentAsync(resident, User.AccountId(), HttpContext.RequestAborted));
    }

    private Guid? ResidentId() => User.ResidentOf();
}
