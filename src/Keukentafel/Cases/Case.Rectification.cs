using Keukentafel.Neighbourhoods;

namespace Keukentafel.Cases;

/// <summary>Rectification of the resident's details, done through one of his cases so its history keeps what was there before.</summary>
public sealed partial class Case
{
    /// <param name="residentVersion">The resident's version the user saw; he may have been corrected through another case meanwhile.</param>
    public void RectifyResident(Resident resident, int? residentVersion, PersonName name, DateOnly dateOfBirth, Address address, string? phone,
        string? email, Actor by, DateTime nowUtc)
    {
        if (resident.Id != ResidentId)
        {
            throw new InvalidOperationException("Rectify the resident of this case only.");
        }

        if (residentVersion is { } seen && seen != resident.Version)
        {
            throw DomainException.Conflict("resident.stale",
                "Iemand anders heeft de gegevens van de bewoner net verbeterd, misschien via een andere casus. "
                    + "Bekijk ze opnieuw en verbeter dan wat nog niet klopt.");
        }

        var (before, after) = resident.Rectify(name, dateOfBirth, address, phone, email, nowUtc);
        if (before.Count == 0)
        {
            throw new DomainException("resident.nothing_changed", "Er is niets veranderd aan de gegevens van de bewoner.");
        }

        Record(by, nowUtc, "resident.rectified", $"Gegevens van de bewoner verbeterd: {string.Join(", ", before.Keys)}.", before, after);
    }
}
