using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Meetings;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>
/// How long a closed case is kept (AVG art. 5(1)(e): no longer than necessary), in years after closing, per law
/// domain of its plan. A case keeps the longest term of the domains in its plan. The defaults and their basis:
/// Jeugdwet 20 (Jeugdwet art. 7.3.8), Zvw and Wlz 20 (WGBO, BW art. 7:454 lid 3); every other domain has no term
/// in its own law: 7 years, to be set by the municipality from its selectielijst (Archiefwet 1995).
/// Configure with Privacy:Retention:Years:{domain} and Privacy:Retention:Years:Default.
/// </summary>
public sealed class RetentionPolicy(IConfiguration configuration)
{
    public const int StatutoryCareYears = 20;
    public const int DefaultYears = 7;

    public int YearsFor(LawDomain domain) => configuration.GetValue<int?>($"Privacy:Retention:Years:{domain}") ?? domain switch
    {
        LawDomain.Jeugdwet or LawDomain.Zvw or LawDomain.Wlz => StatutoryCareYears,
        _ => DefaultTerm,
    };

    /// <summary>The term for a case without plan actions, and for domains without a term of their own.</summary>
    public int DefaultTerm => configuration.GetValue("Privacy:Retention:Years:Default", DefaultYears);

    public int YearsFor(IEnumerable<LawDomain> domains) => domains.Select(YearsFor).DefaultIfEmpty(DefaultTerm).Max();
}

/// <summary>A resident anonymised after the retention of all his cases ran out: kept, so it can be shown that it happened.</summary>
public sealed class Anonymisation
{
    private Anonymisation() { Rule = ""; }

    public Anonymisation(Guid residentId, DateTime atUtc, int cases, string rule)
    {
        ResidentId = residentId;
        AtUtc = atUtc;
        Cases = cases;
        Rule = rule;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public int Cases { get; private set; }
    public string Rule { get; private set; }
}

/// <summary>
/// Anonymises the residents whose cases have all been closed longer than their retention term: the identity goes
/// (name, birth day, address, contact, every free text about him), the figures stay (case steps and dates, life
/// domains, plan actions with their law domain, cost and status), so effects and cost analyses remain valid.
/// Each anonymisation is recorded and audited.
/// </summary>
public sealed class RetentionService(KeukentafelDbContext db, RetentionPolicy policy, AuditLog log, TimeProvider time)
{
    public const string Removed = "[verwijderd]";
    public const string ActorName = "Keukentafel (bewaartermijn)";

    /// <summary>What someone who looked along with the resident is called in his history after anonymisation.</summary>
    public const string HelperLabel = "iemand die met de bewoner meekeek";

    public async Task<int> AnonymiseDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var earliest = now.AddYears(-Math.Min(policy.DefaultTerm, Enum.GetValues<LawDomain>().Min(policy.YearsFor)));

        // Residents not yet anonymised with only closed cases, the last closed long enough ago for the shortest term.
        var candidates = await db.Residents.AsNoTracking()
            .Where(r => r.AnonymisedAtUtc == null
                && db.Cases.Any(c => c.ResidentId == r.Id)
                && !db.Cases.Any(c => c.ResidentId == r.Id && (c.ClosedAtUtc == null || c.ClosedAtUtc > earliest)))
            .Select(r => r.Id)
            .ToListAsync(ct);

        var done = 0;
        // The anonymisations' events go in a chain of this run's own, each in its anonymisation's transaction.
        var chain = log.OpenChain("retention");
        foreach (var residentId in candidates)
        {
            var cases = await db.Cases.AsNoTracking().Where(c => c.ResidentId == residentId)
                .Select(c => new { c.Id, c.ClosedAtUtc, c.Version })
                .ToListAsync(ct);
            var ids = cases.Select(c => c.Id).ToList();
            var domains = (await db.PlanActions.AsNoTracking().Where(a => ids.Contains(a.CaseId)).Select(a => new { a.CaseId, a.LawDomain }).Distinct()
                    .ToListAsync(ct))
                .ToLookup(a => a.CaseId, a => a.LawDomain);
            if (cases.Any(c => c.ClosedAtUtc is null))
            {
                continue; // reopened since the first look
            }

            var terms = cases.Select(c => (Closed: c.ClosedAtUtc!.Value, Years: policy.YearsFor(domains[c.Id]))).ToList();
            if (terms.Any(t => t.Closed.AddYears(t.Years) > now))
            {
                continue;
            }

            var rule = $"{cases.Count} casus(sen), de laatste gesloten op {DutchTime.Date(cases.Max(c => c.ClosedAtUtc!.Value)):yyyy-MM-dd}, "
                + $"bewaartermijn {terms.Max(t => t.Years)} jaar";
            try
            {
                if (await AnonymiseAsync(residentId, [.. cases.Select(c => (c.Id, c.Version))], rule, now, chain, ct))
                {
                    done++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance, or a professional, changed him or his cases at this moment: the next run looks again.
                db.ChangeTracker.Clear();
            }
        }

        await log.CheckpointAsync(chain);
        return done;
    }

    private async Task<bool> AnonymiseAsync(Guid residentId, IReadOnlyList<(Guid Id, int Version)> cases, string rule, DateTime now, AuditChainWriter chain,
        CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Look again inside the transaction: a new case, a reopened one, or another instance that was first.
        var resident = await db.Residents.SingleAsync(r => r.Id == residentId, ct);
        var unchanged = await db.Cases.Where(c => c.ResidentId == residentId).Select(c => new { c.Id, c.Version, c.ClosedAtUtc }).ToListAsync(ct);
        if (resident.AnonymisedAtUtc is not null || unchanged.Count != cases.Count
            || unchanged.Any(c => c.ClosedAtUtc is null || !cases.Contains((c.Id, c.Version))))
        {
            return false;
        }

        // The case updates below check the versions read above, so a change made in between stops this resident's run.
        foreach (var (id, version) in cases)
        {
            if (await db.Cases.Where(c => c.Id == id && c.Version == version)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, c => c.Version + 1), ct) != 1)
            {
                throw new DbUpdateConcurrencyException($"Case {id} changed during anonymisation.");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { resident.Name.Display };
        resident.Anonymise(now);

        // His account, if he had one: no name, no e-mail address, no way to sign in, no sessions, passkeys or tokens.
        Guid? accountId = null;
        if (await db.Users.SingleOrDefaultAsync(u => u.ResidentId == residentId, ct) is { } account)
        {
            accountId = account.Id;
            names.Add(account.DisplayName);
            account.Anonymise();
            await db.UserLogins.Where(l => l.UserId == account.Id).ExecuteDeleteAsync(ct);
            await db.UserTokens.Where(t => t.UserId == account.Id).ExecuteDeleteAsync(ct);
            await db.UserPasskeys.Where(k => k.UserId == account.Id).ExecuteDeleteAsync(ct);
            await db.SignInSessions.Where(x => x.AccountId == account.Id).ExecuteDeleteAsync(ct);
        }

        // The people he let look along: their names go, and so does their access. A daughter often shares his surname,
        // so what they did in his case is kept under a label, not their name (their own accounts are theirs and stay).
        var helpers = await db.TrustedPeople.Where(t => t.ResidentId == residentId && t.AccountId != null).Select(t => t.AccountId!.Value).ToListAsync(ct);
        var helperNames = await db.Users.Where(u => helpers.Contains(u.Id)).Select(u => u.DisplayName).ToListAsync(ct);
        var helperDescriptions = helperNames.Select(n => $"{n} ({Residents.MyTablePage.TrustedPersonLabel})").ToList();
        await db.TrustedPeople.Where(t => t.ResidentId == residentId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Name, Removed)
            .SetProperty(t => t.Relation, Removed)
            .SetProperty(t => t.GivenBy, "de bewoner")
            .SetProperty(t => t.WithdrawnAtUtc, t => t.WithdrawnAtUtc ?? now)
            .SetProperty(t => t.WithdrawnBy, t => t.WithdrawnBy == null ? ActorName : "de bewoner"), ct);
        await db.Set<MeetingParticipant>().Where(p => p.AgreementRecordedByName != null && db.Meetings.Any(m => m.Id == p.MeetingId && ids.Contains(m.CaseId))
                && (names.Contains(p.AgreementRecordedByName) || helperDescriptions.Contains(p.AgreementRecordedByName)))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AgreementRecordedByName,
                p => helperDescriptions.Contains(p.AgreementRecordedByName!) ? HelperLabel : "de bewoner"), ct);
        await db.Cases.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Description, Removed)
            .SetProperty(c => c.SourceDetail, (string?)null)
            .SetProperty(c => c.Evaluation, c => c.Evaluation == null ? null : Removed)
            .SetProperty(c => c.NoContributionReason, c => c.NoContributionReason == null ? null : Removed)
            .SetProperty(c => c.LastChangedAtUtc, now), ct);
        await db.Set<CaseAnswer>().Where(a => ids.Contains(a.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, Removed), ct);
        await db.Set<NetworkMember>().Where(n => ids.Contains(n.CaseId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Name, Removed).SetProperty(n => n.Relation, Removed).SetProperty(n => n.Phone, (string?)null), ct);
        await db.Meetings.Where(m => ids.Contains(m.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Place, Removed)
            .SetProperty(m => m.ReasonNotAtHome, m => m.ReasonNotAtHome == null ? null : Removed)
            .SetProperty(m => m.Decisions, m => m.Decisions == null ? null : Removed), ct);
        await db.Set<MeetingParticipant>()
            .Where(p => p.Kind != ParticipantKind.Professional && db.Meetings.Any(m => m.Id == p.MeetingId && ids.Contains(m.CaseId)))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, Removed).SetProperty(p => p.Organisation, (string?)null), ct);
        await db.PlanActions.Where(a => ids.Contains(a.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.What, Removed)
            .SetProperty(a => a.DropReason, a => a.DropReason == null ? null : Removed)
            .SetProperty(a => a.WorthSharing, a => a.WorthSharing == null ? null : Removed)
            .SetProperty(a => a.CarrierName, a => a.Carrier == Carrier.Resident || a.Carrier == Carrier.Network ? Removed : a.CarrierName), ct);
        await db.RuleDeviations.Where(d => ids.Contains(d.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Reason, Removed)
            .SetProperty(d => d.Otherwise, Removed), ct);
        await db.Bottlenecks.Where(b => ids.Contains(b.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Description, Removed), ct);
        await db.BreakGlasses.Where(b => ids.Contains(b.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Reason, Removed), ct);
        await db.Consents.Where(k => ids.Contains(k.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(k => k.Purpose, Removed)
            .SetProperty(k => k.WithdrawalReason, k => k.WithdrawalReason == null ? null : Removed)
            .SetProperty(k => k.WithdrawnByName, k => k.WithdrawnByName != null && names.Contains(k.WithdrawnByName) ? "de bewoner"
                : k.WithdrawnByName != null && helperDescriptions.Contains(k.WithdrawnByName) ? HelperLabel : k.WithdrawnByName), ct);
        // Effects keep their figures (marks, scores, quantities, prices), not what was written about the resident.
        await db.WellbeingMeasurements.Where(m => ids.Contains(m.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Note, m => m.Note == null ? null : Removed)
            .SetProperty(m => m.CorrectionReason, m => m.CorrectionReason == null ? null : Removed), ct);
        await db.MicroAnalyses.Where(a => ids.Contains(a.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Assumptions, a => a.Assumptions == null ? null : Removed)
            .SetProperty(a => a.ReplacedReason, a => a.ReplacedReason == null ? null : Removed), ct);
        await db.Set<Effects.AnalysisLine>().Where(l => db.MicroAnalyses.Any(a => a.Id == l.AnalysisId && ids.Contains(a.CaseId))).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Note, l => l.Note == null ? null : Removed)
            .SetProperty(l => l.Description, l => l.PlanActionId == null ? l.Description : Removed), ct);
        // The budget keeps its amounts, dates and who booked them; what was typed about the case (a correction's, settlement's
        // or release's reason, the managers' decision on a request, a room shift made for it) goes.
        var requests = db.FinancingRequests.Where(r => ids.Contains(r.CaseId)).Select(r => r.Id);
        await db.LedgerEntries.Where(l => l.Reason != null && ((l.CaseId != null && ids.Contains(l.CaseId.Value))
                || (l.DecisionId != null && requests.Contains(l.DecisionId.Value))))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Reason, Removed), ct);
        await db.FinancingRequests.Where(r => ids.Contains(r.CaseId) && r.DecisionReason != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DecisionReason, Removed), ct);
        await db.RoomShiftAsks.Where(a => requests.Contains(a.RequestId)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.AskedReason, Removed)
            .SetProperty(a => a.AnswerReason, a => a.AnswerReason == null ? null : Removed), ct);
        // The history keeps what happened and when, not what was written.
        await db.CaseEvents.Where(e => ids.Contains(e.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Summary, Removed)
            .SetProperty(e => e.Before, (string?)null)
            .SetProperty(e => e.After, (string?)null)
            .SetProperty(e => e.ActorName, e => e.ActorAccountId == accountId || names.Contains(e.ActorName) ? "de bewoner"
                : helpers.Contains(e.ActorAccountId) ? HelperLabel : e.ActorName), ct);

        var actor = new Actor(Guid.Empty, null, ActorName, null);
        foreach (var (id, version) in cases)
        {
            db.CaseEvents.Add(new CaseEvent(id, version + 1, now, actor, "resident.anonymised", $"Na de bewaartermijn geanonimiseerd ({rule}).", null, null));
        }

        db.Anonymisations.Add(new Anonymisation(residentId, now, cases.Count, rule));
        // The anonymisation and its audit event commit together: a kill in between leaves neither or both.
        var staged = chain.Stage(db,
            [new AuditEvent(now, null, ActorName, "system", null, residentId, null, AuditAction.Change, "anonimisering", true, rule, "-")]);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            chain.Restart();
            throw;
        }

        chain.Commit(staged);
        return true;
    }
}

/// <summary>
/// Runs the retention every few hours (Privacy:Retention:RunEveryHours, default 24; 0 switches it off), at one instance
/// at a time: every instance looks every few minutes whether a run is due, and one takes it (<see cref="Data.JobLeases"/>).
/// </summary>
/// <remarks>
/// The first look is a minute after start-up (<c>Privacy:Retention:FirstLookSeconds</c>); <c>anonymise-due</c> runs it by hand.
/// </remarks>
public sealed partial class RetentionJob(Data.JobLeases leases, IConfiguration configuration, IHostApplicationLifetime lifetime,
    ILogger<RetentionJob> logger) : Data.PeriodicJob(lifetime, logger)
{
    public const string Name = "retention";

    private TimeSpan Every => TimeSpan.FromHours(configuration.GetValue("Privacy:Retention:RunEveryHours", 24.0));

    protected override string Description => "The retention run";

    /// <summary>Whether a run is due is looked at every five minutes at the most (the lease says when one last ran).</summary>
    protected override TimeSpan LookEvery => Every < TimeSpan.FromMinutes(5) ? Every : TimeSpan.FromMinutes(5);

    /// <summary>The first look after start-up has settled (the host warm): a minute, unless configured.</summary>
    protected override TimeSpan FirstLookAfter => TimeSpan.FromSeconds(configuration.GetValue("Privacy:Retention:FirstLookSeconds", 60.0));

    protected override Task RunAsync(CancellationToken ct) => leases.RunIfDueAsync(Name, Every, TimeSpan.FromHours(1), AnonymiseAsync, ct);

    private async Task AnonymiseAsync(IServiceProvider services, CancellationToken ct)
    {
        var anonymised = await services.GetRequiredService<RetentionService>().AnonymiseDueAsync(ct);
        // Answers kept for a repeated POST hold case files: never longer than their 24 hours.
        var db = services.GetRequiredService<Data.KeukentafelDbContext>();
        await Web.Idempotency.PurgeAsync(db, DateTime.UtcNow, ct);
        await Mail.QueuedMailSender.PurgeAsync(db, DateTime.UtcNow, ct);
        Ran(Logger, anonymised);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Anonymised} residents anonymised")]
    private static partial void Ran(ILogger logger, int anonymised);

}
