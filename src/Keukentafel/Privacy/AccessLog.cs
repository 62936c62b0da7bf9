using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>One look at a resident's file, as he reads it: who, from where, when, what, and why if there was a reason.</summary>
public sealed record AccessLogEntry(DateTime AtUtc, string Who, string? Organisation, string What, string? Reason, bool Allowed)
{
    /// <summary>Where a page of the log stops: the moment, who and what (an entry has no id of its own).</summary>
    public static string KeyOf(AccessLogEntry entry) => $"{entry.AtUtc:O}|{entry.Who}|{entry.What}";
}

/// <summary>The looks of one person on one day, together: easier to read than every single page.</summary>
public sealed record AccessLogDay(DateOnly Date, string Who, string? Organisation, IReadOnlyList<string> Parts, int Times, IReadOnlyList<string> Reasons);

/// <summary>
/// "Who looked at my file" (NEN 7513: the client may see who accessed his record): every allowed look at one
/// resident's data by someone else, from the audit log, in plain words.
/// </summary>
public sealed class AccessLog(KeukentafelDbContext db)
{
    /// <summary>At most this many looks are shown or exported at once: years of ordinary use.</summary>
    public const int Limit = 5_000;

    /// <summary>Every look by someone else at any of this resident's data, newest first.</summary>
    public Task<IReadOnlyList<AccessLogEntry>> ForResidentAsync(Guid residentId, Guid? exceptAccount, CancellationToken ct) =>
        ReadAsync(residentId, null, exceptAccount, ct);

    /// <summary>
    /// The log as the resident reads it (page and API): everyone's looks but his own, also when someone he trusts reads it
    /// for him (<paramref name="account"/> is the reader's account).
    /// </summary>
    public async Task<IReadOnlyList<AccessLogEntry>> AsHeReadsItAsync(Residents.PagesOf whose, Guid? account, CancellationToken ct)
    {
        var own = whose.ByTrustedPerson
            ? await db.Users.AsNoTracking().Where(u => u.ResidentId == whose.ResidentId).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct)
            : account;
        return await ForResidentAsync(whose.ResidentId, own, ct);
    }

    /// <summary>
    /// The looks at one case, for the professional who shows them to the resident at his request. Found through the
    /// resident's events (a resident has few cases), so the log needs no second index that every event must update.
    /// </summary>
    public async Task<IReadOnlyList<AccessLogEntry>> ForCaseAsync(CaseAccessDecision decision, CancellationToken ct) =>
        decision.ResidentId is { } residentId ? await ReadAsync(residentId, decision.CaseId, null, ct) : [];

    internal sealed record Look(Guid EventId, Guid? CaseId, DateTime AtUtc, string UserName, string? Organisation, string Roles, AuditAction Action,
        string Part, string? Reason);

    /// <summary>
    /// The looks of three kinds together: events about the resident himself, lists that showed him (through the
    /// per-resident index), and the newest lists the index does not hold yet. Those newest are read first: a list the
    /// indexer takes in between is then read twice and counted once, never missed. One list is one look, however many
    /// of the resident's cases it showed.
    /// </summary>
    private async Task<IReadOnlyList<AccessLogEntry>> ReadAsync(Guid residentId, Guid? caseId, Guid? exceptAccount, CancellationToken ct)
    {
        var recent = (await AuditIndexer.NotYetIndexedAsync(db, residentId, ct))
            .Where(e => e.Allowed && (exceptAccount == null || e.AccountId != exceptAccount))
            .SelectMany(e => AuditShown.RowsOf(e.Id, e.AtUtc, e.Shown!)
                .Where(s => s.ResidentId == residentId && (caseId == null || s.CaseId == caseId))
                .Select(s => new Look(e.Id, s.CaseId, e.AtUtc, e.UserName, e.Organisation, e.Roles, e.Action, e.Part, s.Reason)));
        var (own, listed) = Queries(db, residentId, caseId, exceptAccount);
        var looks = (await own.ToListAsync(ct)).Concat(await listed.ToListAsync(ct)).Concat(recent);
        return [.. looks
            .DistinctBy(a => a.EventId) // a list that showed two of his cases is one look
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.EventId)
            .Take(Limit)
            .Select(a => new AccessLogEntry(a.AtUtc, a.UserName,
                a.Organisation ?? (a.Roles.Split(',').Contains(Accounts.Roles.TrustedPerson) ? TrustedPerson : null),
                Words(a.Action, a.Part), a.Reason, true))];
    }

    /// <summary>The resident's own events and the lists that showed him, each the newest <see cref="Limit"/> (also the benchmark's bare statements).</summary>
    internal static (IQueryable<Look> Own, IQueryable<Look> Listed) Queries(KeukentafelDbContext db, Guid residentId, Guid? caseId, Guid? exceptAccount) =>
        (db.AuditEvents.AsNoTracking()
            .Where(a => a.ResidentId == residentId && (caseId == null || a.CaseId == caseId) && a.Allowed
                && (exceptAccount == null || a.AccountId != exceptAccount))
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Take(Limit)
            .Select(a => new Look(a.Id, a.CaseId, a.AtUtc, a.UserName, a.Organisation, a.Roles, a.Action, a.Part, a.Reason)),
        (from s in db.AuditShown
         where s.ResidentId == residentId && (caseId == null || s.CaseId == caseId)
         join a in db.AuditEvents on s.EventId equals a.Id
         where a.Allowed && (exceptAccount == null || a.AccountId != exceptAccount)
         orderby s.AtUtc descending, s.EventId descending
         select new Look(a.Id, s.CaseId, s.AtUtc, a.UserName, a.Organisation, a.Roles, a.Action, a.Part, s.Reason))
            .Take(Limit).AsNoTracking());

    /// <summary>Shown instead of an organisation for someone the resident lets look along.</summary>
    public const string TrustedPerson = "kijkt met u mee";

    public static IReadOnlyList<AccessLogDay> ByDay(IReadOnlyList<AccessLogEntry> entries) =>
        [.. entries
            .GroupBy(e => (Date: Cases.DutchTime.Date(e.AtUtc), e.Who, e.Organisation))
            .OrderByDescending(g => g.Key.Date).ThenBy(g => g.Key.Who)
            .Select(g => new AccessLogDay(g.Key.Date, g.Key.Who, g.Key.Organisation, [.. g.Select(e => e.What).Distinct()], g.Count(),
                [.. g.Select(e => e.Reason).OfType<string>().Distinct()]))];

    /// <summary>The part of the log's event when a resident signed in with a link from an e-mail.</summary>
    public const string MagicLinkSignIn = "inloggen met een link";

    /// <summary>The part of the file, as the resident says it.</summary>
    public static string Words(AuditAction action, string part)
    {
        var what = part switch
        {
            "dossier" => "uw dossier",
            "vragen" => "uw drie vragen",
            "tafel" => "wie er aan tafel zit",
            "netwerk" => "uw netwerk",
            "plan" => "uw plan",
            "afwijkingen" or "afwijking" => "een afwijking van een regel",
            "knelpunten" => "de knelpunten",
            "geschiedenis" => "de geschiedenis van uw dossier",
            "casus" => "de stappen van uw dossier",
            "logboek" => "dit logboek",
            "bewoner" => "uw naam, adres en contactgegevens",
            "toestemming" => "uw toestemmingen",
            "alle gegevens" => "al uw gegevens",
            "reden voor inzage" => "de reden om uw dossier te openen",
            "keukentafel" => "uw pagina Mijn keukentafel",
            "welbevinden" => "uw cijfer voor hoe het met u gaat",
            "meekijken" => "wie met u meekijkt",
            _ => part,
        };
        return (action, part) switch
        {
            (_, MagicLinkSignIn) => "logde in met een link uit een e-mail",
            (AuditAction.Create, "casus") => "meldde uw hulpvraag aan",
            (AuditAction.List, "casuslijst") => "zag uw naam in de lijst met hulpvragen",
            (AuditAction.List, "afwijking") => "las een afwijking van een regel in uw dossier",
            (AuditAction.List, "leersessie") => "zag uw dossier op de agenda van een leersessie (zonder uw naam)",
            (AuditAction.List, "les") => "zag het nummer van uw dossier bij een les uit een leersessie",
            (AuditAction.Change, "les") => "koppelde uw dossier aan een les uit een leersessie (zonder uw naam)",
            (AuditAction.Change, "casus") => "zette een stap in uw dossier",
            (AuditAction.Read, "aan tafel") => "bekeek uw dossier tijdens het gesprek aan tafel",
            (AuditAction.Change, "aan tafel") => "schreef in uw dossier tijdens het gesprek aan tafel",
            (AuditAction.Export, "aan tafel") => "maakte uw plan om te printen (Mijn plan), tijdens het gesprek aan tafel",
            (AuditAction.Export, "mijn plan") => "downloadde uw plan om op te hangen (Mijn plan)",
            (AuditAction.Export, Plans.PlanFhir.AuditPart) => "gaf uw plan door aan het computersysteem van een zorgorganisatie (FHIR)",
            (AuditAction.Create, "meekijken") => "gaf iemand toestemming om met u mee te kijken",
            (AuditAction.Change, "meekijken") => "stopte het meekijken van iemand",
            (AuditAction.Change, "meekijkcode") => "begon met meekijken, met de code die u gaf",
            (AuditAction.Create, _) => $"maakte {what} aan",
            (AuditAction.Change, _) => $"veranderde {what}",
            (AuditAction.Export, _) => $"downloadde {what}",
            (AuditAction.Print, _) => $"printte {what}",
            _ => $"bekeek {what}",
        };
    }
}
