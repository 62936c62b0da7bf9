using System.Security.Claims;
using System.Text.Json;
using Keukentafel.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Privacy;

/// <summary>The resident's own data, all of it: to read on the page, or to take with him as a JSON file (AVG art. 15 and 20).</summary>
public sealed class MyDataPage(ResidentExport export, CaseAccess access) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public ResidentExportData? Data { get; private set; }

    public async Task OnGetAsync()
    {
        if (ResidentId() is { } resident)
        {
            await access.LogAsync(HttpContext, null, resident, AuditAction.Read, "alle gegevens", HttpContext.RequestAborted);
            Data = await export.BuildAsync(resident, HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnGetJsonAsync()
    {
        if (ResidentId() is not { } resident || await export.BuildAsync(resident, HttpContext.RequestAborted) is not { } data)
        {
            return NotFound();
        }

        await access.LogAsync(HttpContext, null, resident, AuditAction.Export, "alle gegevens", HttpContext.RequestAborted);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "mijn-gegevens-keukentafel.json");
    }

    private Guid? ResidentId() => User.ResidentOf();
}
