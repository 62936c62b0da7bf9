namespace Keukentafel.Neighbourhoods;

/// <summary>A neighbourhood (wijk): the area one team works in, with its own coordinator and budget.</summary>
public sealed class Neighbourhood
{
    private Neighbourhood() { Name = Code = ""; }

    public Neighbourhood(Municipality municipality, string name, string code, int? inhabitants)
    {
        MunicipalityId = municipality.Id;
        Name = Text.Required(name, "neighbourhood.name_required", "Geef de naam van de wijk.");
        Code = Text.Required(code, "neighbourhood.code_required", "Geef de CBS-wijkcode.");
        if (inhabitants is < 0)
        {
            throw new DomainException("neighbourhood.inhabitants_negative", "Het aantal inwoners kan niet negatief zijn.");
        }

        Inhabitants = inhabitants;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; private set; }
    public Municipality? Municipality { get; private set; }
    public string Name { get; private set; }

    /// <summary>The CBS neighbourhood code, e.g. WK082801.</summary>
    public string Code { get; private set; }

    public int? Inhabitants { get; private set; }

    /// <summary>The day the approach started here; learning sessions and figures begin with it.</summary>
    public DateOnly? StartedOn { get; private set; }

    /// <summary>The independent coordinator (wijkcoördinator) who matches professionals to cases here.</summary>
    public Guid? CoordinatorId { get; private set; }

    public StaffMember? Coordinator { get; private set; }

    public bool UsesPositiveHealth { get; private set; }
    public bool UsesZrm { get; private set; }
    public int FollowUpMonths { get; private set; } = Effects.EffectSettings.DefaultFollowUpMonths;

    /// <summary>How this neighbourhood's team measures effects (which instruments, when the follow-up is).</summary>
    public Effects.EffectSettings EffectSettings => new(UsesPositiveHealth, UsesZrm, FollowUpMonths);

    public void ChangeEffectSettings(Effects.EffectSettings settings)
    {
        var valid = Effects.EffectSettings.Validated(settings.UsesPositiveHealth, settings.UsesZrm, settings.FollowUpMonths);
        (UsesPositiveHealth, UsesZrm, FollowUpMonths) = (valid.UsesPositiveHealth, valid.UsesZrm, valid.FollowUpMonths);
    }

    /// <summary>The approach starts here on this day: at the earliest ten years back, at the latest a year ahead.</summary>
    public void StartOn(DateOnly? day, DateOnly today)
    {
        if (day is null)
        {
            throw DomainException.About("StartedOn", "neighbourhood.start_required", "Kies de datum waarop de aanpak in deze wijk begint.");
        }

        if (day < today.AddYears(-10) || day > today.AddYears(1))
        {
            throw DomainException.About("StartedOn", "neighbourhood.start_outside",
                $"Kies een startdatum tussen {today.AddYears(-10):d-M-yyyy} en {today.AddYears(1):d-M-yyyy}.");
        }

        StartedOn = day;
    }

    public void AppointCoordinator(StaffMember coordinator)
    {
        if (coordinator.Function != StaffFunction.Coordinator)
        {
            throw new DomainException("neighbourhood.coordinator_function", "Alleen een wijkcoördinator kan coördinator van een wijk zijn.");
        }

        if (!coordinator.WorksIn(Id))
        {
            throw new DomainException("neighbourhood.coordinator_elsewhere", "De coördinator werkt niet in deze wijk.");
        }

        CoordinatorId = coordinator.Id;
    }
}
