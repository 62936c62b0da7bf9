using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods.Import;

/// <summary>
/// The administrator loads a municipality's neighbourhoods, organisations and staff from CSV or XLSX files: "Controleren"
/// lists every row's problem and writes nothing; "Importeren" runs the same checks and writes everything in one go, or
/// nothing (<see cref="MunicipalityImport"/>).
/// </summary>
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class ImportPage(MunicipalityImport import, KeukentafelDbContext db, CurrentUser user, MailSettings mail) : PageModel
{
    public const int MaxUpload = 20 * 1024 * 1024;

    [BindProperty]
    public string? MunicipalityCode { get; set; }

    [BindProperty]
    public string? MunicipalityName { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public ImportResult? Result { get; private set; }

    /// <summary>Whether the result is of "Controleren" (nothing written) or of "Importeren".</summary>
    public bool WasDryRun { get; private set; }

    public IReadOnlyList<SelectListItem> Municipalities { get; private set; } = [];

    public async Task OnGetAsync() => await PrepareAsync();

    public Task<IActionResult> OnPostCheckAsync() => RunAsync(dryRun: true);

    public Task<IActionResult> OnPostImportAsync() => RunAsync(dryRun: false);

    private async Task<IActionResult> RunAsync(bool dryRun)
    {
        await PrepareAsync();
        WasDryRun = dryRun;
        var ct = HttpContext.RequestAborted;
        if (Files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Kies een of meer bestanden: CSV of Excel (.xlsx).");
            return Page();
        }

        var opened = Files.Select(f => (f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var (tables, problems) = ImportFiles.Read(opened);
            var target = new ImportTarget(MunicipalityCode, MunicipalityName);
            Result = dryRun
                ? await import.DryRunAsync(target, tables, problems, ct)
                : await import.ImportAsync(target, tables, problems,
                    new ImportRunBy(user.AccountId, user.DisplayName ?? "beheerder", user.Roles, user.ClientAddress, mail.SiteOf(Request)), ct);
        }
        finally
        {
            opened.ForEach(f => f.Item2.Dispose());
        }

        return Page();
    }

    private async Task PrepareAsync() =>
        Municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new SelectListItem($"{m.Name} ({m.Code})", m.Code)).ToListAsync(HttpContext.RequestAborted);
}
