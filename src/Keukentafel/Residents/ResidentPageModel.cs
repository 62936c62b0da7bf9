using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Residents;

/// <summary>
/// A page of the resident's own: his, or, with <c>voor</c> (the id of his consent), the pages of a resident who lets
/// this person look along. Which resident is decided per request from the sign-in and the consent as it stands now,
/// never from anything else in the form.
/// </summary>
public abstract class ResidentPageModel(TrustedPeople trusted) : PageModel
{
    /// <summary>The consent under which a trusted person looks along; null on his own pages.</summary>
    [BindProperty(SupportsGet = true, Name = "voor")]
    public Guid? Voor { get; set; }

    protected TrustedPeople Trusted => trusted;

    /// <summary>Whose pages, once <see cref="WhoseAsync"/> ran.</summary>
    public PagesOf? Whose { get; private set; }

    /// <summary>A link to another of these pages, for the same resident.</summary>
    public string Link(string path, string? query = null)
    {
        var parts = new[] { query, Voor is { } voor ? $"voor={voor}" : null }.OfType<string>().ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    protected async Task<PagesOf?> WhoseAsync(string part, Privacy.AuditAction action = Privacy.AuditAction.Read) =>
        Whose = await trusted.WhoseAsync(Voor, part, HttpContext.RequestAborted, action);
}
