using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>Rectification (AVG art. 16): the team corrects the resident's details with him; the case history keeps the old ones.</summary>
public sealed class ResidentDetailsPage(CaseWork work, CaseFiles files, KeukentafelDbContext db) : CasePageModel(work, files)
{
    public ResidentInput Input { get; set; } = new();

    public Task<IActionResult> OnPostAsync() => ChangeAsync(Input, nameof(Input), async (c, by, now) => c.RectifyResident(
            await Work.ResidentAsync(c.ResidentId, HttpContext.RequestAborted), Input.ResidentVersion,
            new PersonName(Input.GivenName, Input.FamilyNamePrefix, Input.FamilyName),
            Input.DateOfBirth!.Value, new Address(Input.Street, Input.HouseNumber, Input.PostalCode, Input.Town), Input.Phone, Input.Email, by, now),
        "De gegevens van de bewoner zijn verbeterd.");

    protected override async Task PrepareAsync()
    {
        if (!HttpMethods.IsGet(Request.Method))
        {
            return;
        }

        var r = await db.Residents.AsNoTracking().SingleAsync(x => x.Id == Case.Resident.Id, HttpContext.RequestAborted);
        Input = new ResidentInput
        {
            GivenName = r.Name.Given,
            FamilyNamePrefix = r.Name.Prefix,
            FamilyName = r.Name.Family,
            DateOfBirth = r.DateOfBirth,
            Street = r.Address.Street,
            HouseNumber = r.Address.HouseNumber,
            PostalCode = r.Address.PostalCode,
            Town = r.Address.Town,
            Phone = r.Phone,
            Email = r.Email,
        };
    }
}

public sealed class ResidentInput
{
    /// <summary>The resident's version when the form was opened.</summary>
    public int? ResidentVersion { get; set; }

    [Required(ErrorMessage = "Vul de voornaam in."), StringLength(100)]
    public string GivenName { get; set; } = "";

    [StringLength(20)]
    public string? FamilyNamePrefix { get; set; }

    [Required(ErrorMessage = "Vul de achternaam in."), StringLength(100)]
    public string FamilyName { get; set; } = "";

    [Required(ErrorMessage = "Vul de geboortedatum in."), DateParts]
    public DateOnly? DateOfBirth { get; set; }

    [Required(ErrorMessage = "Vul de straat in."), StringLength(200)]
    public string Street { get; set; } = "";

    [Required(ErrorMessage = "Vul het huisnummer in."), StringLength(20)]
    public string HouseNumber { get; set; } = "";

    [Required(ErrorMessage = "Vul de postcode in."), StringLength(7)]
    public string PostalCode { get; set; } = "";

    [Required(ErrorMessage = "Vul de woonplaats in."), StringLength(100)]
    public string Town { get; set; } = "";

    [StringLength(40)]
    public string? Phone { get; set; }

    [StringLength(256), EmailAddress(ErrorMessage = "Dit is geen e-mailadres.")]
    public string? Email { get; set; }
}
