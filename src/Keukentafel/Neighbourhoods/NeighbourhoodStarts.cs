using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods;

/// <summary>An organisation that joins without working in the approach anywhere yet.</summary>
public sealed record NewOrganisation([property: System.ComponentModel.DataAnnotations.StringLength(200)] string? Name, OrganisationType Type);

/// <summary>A coordinator who is new to the approach (his account is made by the administrator afterwards).</summary>
public sealed record NewCoordinator([property: System.ComponentModel.DataAnnotations.StringLength(100)] string? GivenName,
    [property: System.ComponentModel.DataAnnotations.StringLength(20)] string? FamilyNamePrefix,
    [property: System.ComponentModel.DataAnnotations.StringLength(100)] string? FamilyName,
    [property: System.ComponentModel.DataAnnotations.StringLength(256)] string? Email);

/// <summary>A neighbourhood budget to start with (optional): its years; contributions are added on the budget page.</summary>
public sealed record StartBudget([property: System.ComponentModel.DataAnnotations.StringLength(200)] string? Name, int FirstYear, int LastYear);

/// <summary>What an aanjager decides when the approach starts in another neighbourhood.</summary>
public sealed record StartRequest(Guid MunicipalityId, [property: System.ComponentModel.DataAnnotations.StringLength(200)] string? Name,
    [property: System.ComponentModel.DataAnnotations.StringLength(20)] string? Code, int? Inhabitants, DateOnly? StartedOn,
    IReadOnlyList<Guid>? OrganisationIds, IReadOnlyList<NewOrganisation>? NewOrganisations, Guid? CoordinatorId, NewCoordinator? NewCoordinator,
    StartBudget? Budget);

public sealed record StepView(Guid Id, string Text, string Owner, StepStatus Status, string StatusText, int Version, string ChangedBy, DateTime ChangedAtUtc);

public sealed record StaffChoice(Guid Id, string Name);

/// <summary>An organisation of the neighbourhood with its ambassador here, and whom it could appoint.</summary>
public sealed record JoinedOrganisation(Guid Id, string Name, string TypeName, Guid? AmbassadorId, string? Ambassador, IReadOnlyList<StaffChoice> Staff);

/// <summary>The start-up of a neighbourhood: who joined, who coordinates, the ambassadors and the checklist.</summary>
public sealed record StartupView(Guid Id, string Name, string Code, string Municipality, DateOnly? StartedOn, string? Coordinator, bool HasBudget,
    IReadOnlyList<JoinedOrganisation> Organisations, IReadOnlyList<StepView> Steps, bool MayEdit);

/// <summary>
/// Starting the approach in another neighbourhood (Oss, from 2018, with an aanjager): the neighbourhood with its start
/// date, the organisations that join (also new ones), its coordinator, optionally a budget, and the usual start-up steps,
/// all in one transaction. Then ambassadors per organisation and the checklist, kept by the aanjager or the coordinator.
/// </summary>
public sealed class NeighbourhoodStarts(CurrentUser asking, KeukentafelDbContext db, CaseAccess access, WorkAreas workAreas, TimeProvider time)
{
    public async Task<Neighbourhood> StartAsync(StartRequest request, CancellationToken ct)
    {
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == request.MunicipalityId, ct);
        if (municipality is null || !await SpreadsInAsync(municipality.Id, ct))
        {
            throw DomainException.About("MunicipalityId", "neighbourhood.municipality_unknown", "Kies een gemeente waar u de aanpak helpt starten.");
        }

        var code = Text.Required(request.Code, "neighbourhood.code_required", "Geef de CBS-wijkcode, bijvoorbeeld WK082801.", "Code").ToUpperInvariant();
        if (await db.Neighbourhoods.AnyAsync(n => n.Code == code, ct))
        {
            throw DomainException.About("Code", "neighbourhood.code_taken", $"Wijk {code} bestaat al.");
        }

        var neighbourhood = new Neighbourhood(municipality, Text.Required(request.Name, "neighbourhood.name_required", "Geef de naam van de wijk.", "Name"),
            code, request.Inhabitants);
        var today = DutchTime.Today(time);
        neighbourhood.StartOn(request.StartedOn, today);
        var joining = await db.Organisations.Where(o => (request.OrganisationIds ?? new List<Guid>()).Contains(o.Id)).ToListAsync(ct);
        if (joining.Count != (request.OrganisationIds ?? []).Distinct().Count())
        {
            throw DomainException.About("OrganisationIds", "neighbourhood.organisation_unknown", "Een van de gekozen organisaties bestaat niet.");
        }

        foreach (var fresh in (request.NewOrganisations ?? []).Where(o => !string.IsNullOrWhiteSpace(o.Name)))
        {
            var name = fresh.Name!.Trim();
            if (await db.Organisations.AnyAsync(o => o.Name == name, ct) || joining.Any(o => o.Name == name))
            {
                throw DomainException.About("NewOrganisations", "organisation.name_taken",
                    $"Er is al een organisatie met de naam {name}. Kies haar in de lijst.");
            }

            var organisation = new Organisation(name, fresh.Type, null);
            db.Organisations.Add(organisation);
            joining.Add(organisation);
        }

        if (joining.Count == 0)
        {
            throw DomainException.About("OrganisationIds", "neighbourhood.organisations_required", "Kies de organisaties die meedoen: minstens één.");
        }

        db.Neighbourhoods.Add(neighbourhood);
        foreach (var organisation in joining)
        {
            organisation.StartWorkingIn(neighbourhood);
        }

        var coordinator = await CoordinatorAsync(request, ct);
        if (coordinator is not null)
        {
            coordinator.StartWorkingIn(neighbourhood);
            neighbourhood.AppointCoordinator(coordinator);
        }

        var by = await access.ActorAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (request.Budget is { } budget)
        {
            db.Budgets.Add(Budget.NeighbourhoodBudget.Create(neighbourhood, budget.Name ?? "", budget.FirstYear, budget.LastYear, by, now));
        }

        // The aanjager works in the neighbourhood he starts: he sees its sessions and keeps its checklist.
        if (asking.StaffId is { } aanjager && await db.StaffMembers.Include(s => s.WorkAreas).SingleOrDefaultAsync(s => s.Id == aanjager, ct) is { } me)
        {
            me.StartWorkingIn(neighbourhood);
        }

        var order = 0;
        foreach (var step in StartupStep.Usual)
        {
            db.StartupSteps.Add(StartupStep.Add(neighbourhood.Id, ++order, step, by.Name, by, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The checks above ran before someone else stored the same code, organisation or e-mail address.
            throw DomainException.Conflict("neighbourhood.conflict",
                "Iemand anders legde tegelijk dezelfde wijk, organisatie of hetzelfde e-mailadres vast. Kijk in de lijst en probeer het opnieuw.");
        }

        await access.LogAsync(null, null, AuditAction.Change, $"nieuwe wijk {code}", ct);
        return neighbourhood;
    }

    public async Task<StartupView?> GetAsync(Guid neighbourhoodId, CancellationToken ct)
    {
        var n = await db.Neighbourhoods.AsNoTracking().Where(x => x.Id == neighbourhoodId)
            .Select(x => new
            {
                x.Id,
                x.Name,
                x.Code,
                Municipality = x.Municipality!.Name,
                x.StartedOn,
                Coordinator = x.Coordinator == null ? null : x.Coordinator.Name
            })
            .SingleOrDefaultAsync(ct);
        if (n is null)
        {
            return null;
        }

        var mayEdit = await MayEditAsync(neighbourhoodId, ct);
        if (!mayEdit && !await workAreas.WorksInAsync(neighbourhoodId, ct))
        {
            await access.LogAsync(null, null, AuditAction.Read, "opstart van een andere wijk", ct, allowed: false);
            return null;
        }

        var joined = await AmbassadorHere.Of(db).Where(a => a.NeighbourhoodId == neighbourhoodId).OrderBy(a => a.Organisation).ToListAsync(ct);
        var organisationIds = joined.Select(o => o.OrganisationId).ToList();
        var staff = (await db.StaffMembers.AsNoTracking()
                .Where(s => s.OrganisationId != null && organisationIds.Contains(s.OrganisationId.Value) && s.Function == StaffFunction.Professional)
                .Select(s => new { s.Id, s.OrganisationId, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Name.Family, StringComparer.Ordinal).ThenBy(s => s.Name.Given, StringComparer.Ordinal).ToList();
        var ambassadorIds = joined.Select(o => o.AmbassadorId).OfType<Guid>().ToList();
        var names = await db.StaffMembers.AsNoTracking().Where(s => ambassadorIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var steps = await db.StartupSteps.AsNoTracking().Where(s => s.NeighbourhoodId == neighbourhoodId).OrderBy(s => s.Order).ToListAsync(ct);
        return new StartupView(n.Id, n.Name, n.Code, n.Municipality, n.StartedOn, n.Coordinator?.Display,
            await db.Budgets.AnyAsync(b => b.NeighbourhoodId == neighbourhoodId, ct),
            [.. joined.Select(o => new JoinedOrganisation(o.OrganisationId, o.Organisation, o.Type.Dutch(), o.AmbassadorId,
                o.AmbassadorId is { } a && names.TryGetValue(a, out var name) ? name.Display : null,
                [.. staff.Where(s => s.OrganisationId == o.OrganisationId).Select(s => new StaffChoice(s.Id, s.Name.Display))]))],
            [.. steps.Select(s => new StepView(s.Id, s.Text, s.OwnerName, s.Status, s.Status.Dutch(), s.Version, s.ChangedByName, s.ChangedAtUtc))],
            mayEdit);
    }

    public async Task<StartupStep> AddStepAsync(Guid neighbourhoodId, string? text, string? owner, CancellationToken ct)
    {
        await RequireEditorAsync(neighbourhoodId, ct);
        var order = await db.StartupSteps.Where(s => s.NeighbourhoodId == neighbourhoodId).MaxAsync(s => (int?)s.Order, ct) ?? 0;
        var step = StartupStep.Add(neighbourhoodId, order + 1, text, owner, await access.ActorAsync(ct), time.GetUtcNow().UtcDateTime);
        db.StartupSteps.Add(step);
        await db.SaveChangesAsync(ct);
        return step;
    }

    public async Task<int> FollowStepAsync(Guid stepId, StepStatus status, string? owner, int version, CancellationToken ct)
    {
        var step = await db.StartupSteps.SingleOrDefaultAsync(s => s.Id == stepId, ct) ?? throw new NotYoursException();
        await RequireEditorAsync(step.NeighbourhoodId, ct);
        step.Follow(status, owner, version, await access.ActorAsync(ct), time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw StartupStep.Changed();
        }

        return step.Version;
    }

    /// <summary>The organisation's ambassador in this neighbourhood; he starts working here and gets its learning agendas.</summary>
    public async Task AppointAmbassadorAsync(Guid neighbourhoodId, Guid organisationId, Guid staffMemberId, CancellationToken ct)
    {
        await RequireEditorAsync(neighbourhoodId, ct);
        var link = await db.OrganisationNeighbourhoods.SingleOrDefaultAsync(w => w.NeighbourhoodId == neighbourhoodId && w.OrganisationId == organisationId, ct)
            ?? throw DomainException.About("OrganisationId", "neighbourhood.organisation_not_joined", "Deze organisatie doet niet mee in deze wijk.");
        // A professional: the fixed contact at the table. A replaced ambassador keeps working here; he is not taken off.
        var ambassador = await db.StaffMembers.Include(s => s.WorkAreas)
                .SingleOrDefaultAsync(s => s.Id == staffMemberId && s.Function == StaffFunction.Professional, ct)
            ?? throw DomainException.About("StaffMemberId", "organisation.ambassador_not_professional",
                "Kies een professional van deze organisatie als ambassadeur.");
        link.AppointAmbassador(ambassador, await db.Neighbourhoods.SingleAsync(n => n.Id == neighbourhoodId, ct));
        await db.SaveChangesAsync(ct);
        await access.LogAsync(null, null, AuditAction.Change, "ambassadeur van een organisatie in de wijk", ct);
    }

    /// <summary>Whether the start-up page opens for this person: he works in the neighbourhood, or may edit its start-up.</summary>
    public async Task<bool> MaySeeAsync(Guid neighbourhoodId, CancellationToken ct) =>
        await workAreas.WorksInAsync(neighbourhoodId, ct) || await MayEditAsync(neighbourhoodId, ct);

    /// <summary>
    /// Administrators keep every start-up; an aanjager those of the municipalities he works in; the coordinator his own
    /// neighbourhood's.
    /// </summary>
    private async Task<bool> MayEditAsync(Guid neighbourhoodId, CancellationToken ct)
    {
        var municipality = await db.Neighbourhoods.Where(n => n.Id == neighbourhoodId).Select(n => (Guid?)n.MunicipalityId).SingleOrDefaultAsync(ct);
        if (municipality is { } m && await SpreadsInAsync(m, ct))
        {
            return true;
        }

        var staffId = asking.StaffId;
        return asking.IsInRole(Roles.Coordinator) && await db.Neighbourhoods.AnyAsync(n => n.Id == neighbourhoodId && n.CoordinatorId == staffId, ct);
    }

    /// <summary>An administrator anywhere; an aanjager in a municipality where he works in at least one neighbourhood.</summary>
    private async Task<bool> SpreadsInAsync(Guid municipalityId, CancellationToken ct)
    {
        if (asking.IsInRole(Roles.Administrator))
        {
            return true;
        }

        var staffId = asking.StaffId;
        return asking.IsInRole(Roles.Aanjager)
            && await db.StaffNeighbourhoods.AnyAsync(w => w.StaffMemberId == staffId && w.Neighbourhood!.MunicipalityId == municipalityId, ct);
    }

    private async Task RequireEditorAsync(Guid neighbourhoodId, CancellationToken ct)
    {
        if (!await db.Neighbourhoods.AnyAsync(n => n.Id == neighbourhoodId, ct) || !await MayEditAsync(neighbourhoodId, ct))
        {
            await access.LogAsync(null, null, AuditAction.Change, "opstart van een wijk", ct, allowed: false);
            throw new NotYoursException();
        }
    }

    private async Task<StaffMember?> CoordinatorAsync(StartRequest request, CancellationToken ct)
    {
        if (request.CoordinatorId is { } id)
        {
            return await db.StaffMembers.Include(s => s.WorkAreas).SingleOrDefaultAsync(s => s.Id == id && s.Function == StaffFunction.Coordinator, ct)
                ?? throw DomainException.About("CoordinatorId", "neighbourhood.coordinator_unknown", "Kies een wijkcoördinator uit de lijst.");
        }

        if (request.NewCoordinator is not { } fresh
            || (string.IsNullOrWhiteSpace(fresh.GivenName) && string.IsNullOrWhiteSpace(fresh.FamilyName) && string.IsNullOrWhiteSpace(fresh.Email)))
        {
            return null;
        }

        var email = Text.Required(fresh.Email, "staff.email_required", "Geef het e-mailadres van de nieuwe coördinator.", "NewCoordinator").ToLowerInvariant();
        if (await db.StaffMembers.AnyAsync(s => s.Email == email, ct))
        {
            throw DomainException.About("NewCoordinator", "staff.email_taken", $"Er werkt al iemand met het e-mailadres {email}. Kies hem in de lijst.");
        }

        var coordinator = new StaffMember(new PersonName(
                Text.Required(fresh.GivenName, "staff.given_required", "Geef de voornaam van de nieuwe coördinator.", "NewCoordinator"),
                Text.Optional(fresh.FamilyNamePrefix),
                Text.Required(fresh.FamilyName, "staff.family_required", "Geef de achternaam van de nieuwe coördinator.", "NewCoordinator")),
            StaffFunction.Coordinator, null, email, "Wijkcoördinator");
        db.StaffMembers.Add(coordinator);
        return coordinator;
    }
}
