using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;

namespace Keukentafel.Cases;

/// <summary>The consent register of a case: with whom the resident lets his file be shared, for what, until when.</summary>
public sealed partial class Case
{
    /// <summary>What the resident agrees to when a professional signals his case with him.</summary>
    public const string SignalPurpose = "De casus aanbrengen en de keukentafel organiseren";

    /// <summary>What the resident agrees to when he wants a professional at his table.</summary>
    public const string TablePurpose = "Aan tafel komen en het plan mee uitvoeren";

    public List<Consent> Consents { get; } = [];

    /// <summary>
    /// A professional at the table can open the file only while his organisation has the resident's consent on this
    /// case; the case bringer stays responsible (and able to open it) until he hands the case over.
    /// </summary>
    public bool HasConsent(Guid organisationId, DateOnly today) => Consents.Any(k => k.OrganisationId == organisationId && k.IsActive(today));

    /// <summary>The resident agrees that his file is shared with an organisation, for a purpose, until a date or until he withdraws.</summary>
    public Consent RecordConsent(Organisation organisation, string purpose, DateOnly? validUntil, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        if (!organisation.WorksIn(NeighbourhoodId))
        {
            throw DomainException.About("OrganisationId", "consent.organisation_not_in_neighbourhood",
                "Deze organisatie werkt niet in de wijk van de bewoner.");
        }

        var (organisationId, organisationName) = (organisation.Id, organisation.Name);
        var what = Text.Required(purpose, "consent.purpose_required", "Schrijf op waarvoor de bewoner toestemming geeft.", "Purpose");
        var today = DutchTime.Date(nowUtc);
        if (validUntil is { } last && last < today)
        {
            throw DomainException.About("ValidUntil", "consent.until_past", "Kies een datum vanaf vandaag, of laat de datum leeg.");
        }

        if (Consents.Any(k => k.OrganisationId == organisationId && k.IsActive(today) && string.Equals(k.Purpose, what, StringComparison.OrdinalIgnoreCase)))
        {
            throw DomainException.Conflict("consent.exists",
                $"Er is al toestemming voor {organisationName} met dit doel. Trek die eerst in als er iets moet veranderen.");
        }

        return AddConsent(organisationId, organisationName, what, validUntil, by, nowUtc);
    }

    /// <summary>The resident withdraws a consent: from the next request on, nobody of that organisation at the table opens the file.</summary>
    public Consent WithdrawConsent(Guid consentId, string? reason, Actor by, DateTime nowUtc)
    {
        var consent = Consents.SingleOrDefault(k => k.Id == consentId)
            ?? throw DomainException.About("ConsentId", "consent.unknown", "Deze toestemming hoort niet bij deze casus.");
        if (consent.WithdrawnAtUtc is not null)
        {
            throw DomainException.Conflict("consent.already_withdrawn", "Deze toestemming is al ingetrokken.");
        }

        var why = Text.Optional(reason);
        consent.Withdraw(why, by, nowUtc);
        Record(by, nowUtc, "consent.withdrawn",
            $"Toestemming ingetrokken voor {consent.OrganisationName} ({consent.Purpose}).{(why is null ? "" : $" Reden: {why}")}",
            new { consent.Id, Active = true }, new { consent.Id, Active = false, Reason = why });
        return consent;
    }

    /// <summary>
    /// Adds the consent that an agreement implies, unless the organisation already has one that holds; returns the
    /// sentence for the event of the agreement itself (one change, one entry in the history).
    /// </summary>
    private string EnsureConsent(Guid? organisationId, string? organisationName, string purpose, Actor by, DateTime nowUtc)
    {
        if (organisationId is not { } organisation || HasConsent(organisation, DutchTime.Date(nowUtc)))
        {
            return "";
        }

        Consents.Add(new Consent(Id, organisation, organisationName ?? "", purpose, null, by, nowUtc));
        return $" Daarmee geeft de bewoner {organisationName} toestemming voor: {purpose.ToLowerInvariant()}.";
    }

    private Consent AddConsent(Guid organisationId, string organisationName, string purpose, DateOnly? validUntil, Actor by, DateTime nowUtc)
    {
        var consent = new Consent(Id, organisationId, organisationName, purpose, validUntil, by, nowUtc);
        Consents.Add(consent);
        Record(by, nowUtc, "consent.recorded",
            $"De bewoner geeft toestemming om zijn gegevens te delen met {organisationName}: {purpose}"
                + $"{(validUntil is { } last ? $", tot en met {last:d-M-yyyy}" : "")}.",
            null, new { consent.Id, consent.OrganisationId, Organisation = organisationName, consent.Purpose, consent.ValidUntil });
        return consent;
    }
}
