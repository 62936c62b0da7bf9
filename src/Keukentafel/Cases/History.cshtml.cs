using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Cases;

public sealed class HistoryPage(CaseWork work, CaseFiles files) : CasePageModel(work, files)
{
    public const int PageSize = 50;
    private readonly CaseFiles files = files;

    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "voor")]
    public int? Before { get; set; }

    protected override async Task PrepareAsync() =>
        Entries = await files.HistoryAsync(Decision.CaseId, Before, PageSize, HttpContext.RequestAborted);
}
