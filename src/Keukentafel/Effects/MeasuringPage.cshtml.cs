using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>How a neighbourhood measures effects: Positive Health and the ZRM on or off, and when the follow-up is.</summary>
public sealed partial class MeasuringPage(KeukentafelDbContext db, CaseAccess access, ILogger<MeasuringPage> logger) : PageModel, Web.IRefusablePage
{
    public string Neighbourhood { get; private set; } = "";
    public bool MayChange { get; private set; }
    public EffectSettings Settings { get; private set; } = new();
    public string? Message { get; private set; }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? message)
    {
        Message = message;
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new SettingsInput { UsesPositiveHealth = Settings.UsesPositiveHealth, UsesZrm = Settings.UsesZrm, FollowUpMonths = Settings.FollowUpMonths };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayChange)
        {
            await access.LogAsync(null, null, AuditAction.Change, "meetinstrumenten van een wijk", HttpContext.RequestAborted, allowed: false);
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Id == id, HttpContext.RequestAborted);
        var before = Describe(neighbourhood.EffectSettings);
        neighbourhood.ChangeEffectSettings(new EffectSettings(Input.UsesPositiveHealth, Input.UsesZrm, Input.FollowUpMonths!.Value));

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await access.LogAsync(null, null, AuditAction.Change, "meetinstrumenten van een wijk", HttpContext.RequestAborted);
        var after = Describe(neighbourhood.EffectSettings);
        SettingsChanged(logger, id, before, after);
        return RedirectToPage(new
        {
            id,
            message = "De instellingen voor het meten zijn opgeslagen. Ze gelden voor nieuwe metingen en voor casussen die vanaf nu sluiten."
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Effect settings of neighbourhood {NeighbourhoodId} changed from {Before} to {After}")]
    private static partial void SettingsChanged(ILogger logger, Guid neighbourhoodId, string before, string after);

    private static string Describe(EffectSettings s) =>
        $"Positieve Gezondheid {(s.UsesPositiveHealth ? "ja" : "nee")}, ZRM {(s.UsesZrm ? "ja" : "nee")}, nameting na {s.FollowUpMonths} maanden";

    /// <summary>A setting the rules refuse: the message beside its field, the page as loaded before the change.</summary>
    public string? FieldKey(DomainException refused) => $"Input.{refused.Field}";

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(Page());

    private async Task<bool> LoadAsync(Guid id)
    {
        var n = await db.Neighbourhoods.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Name, x.CoordinatorId, x.UsesPositiveHealth, x.UsesZrm, x.FollowUpMonths }).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (n is null)
        {
            return false;
        }

        Neighbourhood = n.Name;
        Settings = new EffectSettings(n.UsesPositiveHealth, n.UsesZrm, n.FollowUpMonths);
        MayChange = (n.CoordinatorId is not null && n.CoordinatorId == User.StaffId()) || User.IsInRole(Roles.Administrator);
        return true;
    }
}

public sealed class SettingsInput
{
    public bool UsesPositiveHealth { get; set; }

    public bool UsesZrm { get; set; }

    [Required(ErrorMessage = "Geef na hoeveel maanden de nameting is."),
        Range(1, 36, ErrorMessage = "Kies een nameting tussen 1 en 36 maanden na het afsluiten.")]
    public int? FollowUpMonths { get; set; }
}
