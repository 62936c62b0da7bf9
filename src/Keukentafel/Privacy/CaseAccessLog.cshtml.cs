using Keukentafel.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Privacy;

/// <summary>
/// "Who looked at this file", for the professional who shows it to the resident at his request: the looks at this
/// case only (his other cases are not this professional's business). Downloads are logged as exports by the filter.
/// </summary>
public sealed class CaseAccessLogPage(CaseWork work, CaseFiles files, AccessLog log, AccessLogExport export, TimeProvider time) : CasePageModel(work, files)
{
    private readonly CaseFiles files = files;

    public IReadOnlyList<AccessLogDay> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetCsvAsync() =>
        File(AccessLogExport.Csv(await log.ForCaseAsync(Decision, HttpContext.RequestAborted)), "text/csv; charset=utf-8", "wie-keek-in-dit-dossier.csv");

    public async Task<IActionResult> OnGetPdfAsync()
    {
        var number = await files.NumberAsync(Decision.CaseId, HttpContext.RequestAborted);
        var days = AccessLog.ByDay(await log.ForCaseAsync(Decision, HttpContext.RequestAborted));
        return File(export.Pdf($"Wie keek in dossier {number}", AccessLogExport.MadeFor(Decision.Actor.Name, time), days), "application/pdf",
            $"wie-keek-in-dossier-{number}.pdf");
    }

    protected override async Task PrepareAsync() =>
        Days = AccessLog.ByDay(await log.ForCaseAsync(Decision, HttpContext.RequestAborted));
}
