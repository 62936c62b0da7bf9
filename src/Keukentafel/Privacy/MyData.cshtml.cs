using System.Security.Claims;
using System.Text.Json;
using Keukentafel.Accounts;
using Keukentafel.Residents;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Privacy;

/// <summary>
/// The resident's own data, all of it: to read on the page, or to take with him as a JSON file (AVG art. 15 and 20) or
/// a PDF with the same content, to read or print.
/// </summary>
public sealed class MyDataPage(ResidentExport export, ResidentExportPdf pdf, CaseAccess access, TrustedPeople trusted) : ResidentPageModel(trusted)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public ResidentExportData? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await WhoseAsync(ResidentExport.Part) is not { ResidentId: var resident })
        {
            return Voor is null ? Page() : NotFound();
        }

        await access.LogAsync(null, resident, AuditAction.Read, ResidentExport.Part, HttpContext.RequestAborted);
        Data = await export.BuildAsync(resident, HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnGetJsonAsync() =>
        ExportAsync(data => File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "mijn-gegevens-keukentafel.json"));

    public Task<IActionResult> OnGetPdfAsync() => ExportAsync(data => File(pdf.Build(data), "application/pdf", "mijn-gegevens-keukentafel.pdf"));

    /// <summary>All his data as a file, logged as an export; 404 for pages that are not his (or his to look along).</summary>
    private async Task<IActionResult> ExportAsync(Func<ResidentExportData, IActionResult> file)
    {
        if (await WhoseAsync(ResidentExport.Part) is not { ResidentId: var resident }
            || await export.BuildAsync(resident, HttpContext.RequestAborted) is not { } data)
        {
            return NotFound();
        }

        await access.LogAsync(null, resident, AuditAction.Export, ResidentExport.Part, HttpContext.RequestAborted);
        return file(data);
    }
}
