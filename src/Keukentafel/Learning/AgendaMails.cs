using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Mail;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>
/// Mails a learning session's agenda to the ambassadors of the neighbourhood's organisations and to its participants
/// who are on the staff list: when the session is planned, and again whenever its agenda changed since the last mail
/// (<see cref="AgendaMailJob"/> looks every hour). The mail holds counts only, like the managers' view: never a
/// resident's name, a case number or a text from a file; who may open a case reads its points on the session's page.
/// </summary>
public sealed class AgendaMails(KeukentafelDbContext db, Agendas agendas, MailOutbox outbox, MailSettings settings, IHttpContextAccessor http,
    TimeProvider time)
{
    public const string Purpose = "learning-agenda";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>
    /// Queues the agenda's mails when it differs from the one last mailed; the mails and the new fingerprint are saved
    /// together, and only by the one instance that saw the old fingerprint. Returns how many mails were queued.
    /// </summary>
    public async Task<int> SendIfChangedAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await db.LearningSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.Date < DutchTime.Today(time))
        {
            return 0; // a session that was held is not announced any more
        }

        var (from, to, summaries) = await agendas.SummariseAsync(session, ct);
        var neighbourhood = await db.Neighbourhoods.Where(n => n.Id == session.NeighbourhoodId).Select(n => n.Name).SingleAsync(ct);
        var agenda = AgendaText(from, to, summaries);
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(agenda)));
        if (session.AgendaMailedFingerprint == fingerprint)
        {
            return 0;
        }

        var ambassadors = AmbassadorHere.Of(db).Where(a => a.NeighbourhoodId == session.NeighbourhoodId && a.AmbassadorId != null)
            .Select(a => a.AmbassadorId!.Value);
        var participants = session.Participants.Select(p => p.StaffMemberId).OfType<Guid>().ToList();
        var addresses = await db.StaffMembers.AsNoTracking()
            .Where(s => ambassadors.Contains(s.Id) || participants.Contains(s.Id))
            .Select(s => s.Email).Distinct().ToListAsync(ct);
        var site = settings.SiteOf(http.HttpContext?.Request);
        var first = session.AgendaMailedFingerprint is null;
        var subject = $"{(first ? "Agenda" : "Nieuwe agenda")} leersessie {neighbourhood} {session.Date.ToString("d MMMM yyyy", Dutch)}";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Beste ambassadeur of deelnemer,")
            .AppendLine()
            .AppendLine(first
                ? $"Op {session.Date.ToString("dddd d MMMM yyyy", Dutch)} is er een leersessie in {neighbourhood} ({session.Level.Dutch()})."
                : $"De agenda van de leersessie op {session.Date.ToString("dddd d MMMM yyyy", Dutch)} in {neighbourhood} is veranderd.")
            .AppendLine(CultureInfo.InvariantCulture, $"Deelnemers: {string.Join(", ", session.Participants.Select(p => p.Name))}.")
            .AppendLine()
            .Append(agenda)
            .AppendLine()
            .AppendLine("In deze mail staan geen namen van bewoners en geen casusnummers. De punten van de casussen die u mag openen,")
            .AppendLine(CultureInfo.InvariantCulture, $"leest u na het inloggen bij de leersessie: {site}/leersessies/{session.Id}")
            .ToString();

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.LearningSessions
            .Where(s => s.Id == session.Id && s.AgendaMailedFingerprint == session.AgendaMailedFingerprint)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.AgendaMailedFingerprint, fingerprint).SetProperty(s => s.AgendaMailedAtUtc, now), ct);
        if (claimed != 1)
        {
            return 0; // another instance mailed this change just now
        }

        foreach (var address in addresses)
        {
            outbox.Add(new OutgoingMail(address, subject, text, Purpose), null, site);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        outbox.Wake();
        return addresses.Count;
    }

    /// <summary>The agenda as counts per kind, the same words as the managers read on the page.</summary>
    public static string AgendaText(DateOnly from, DateOnly to, IReadOnlyList<AgendaSummary> summaries)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Agenda, uit de casussen van {from.ToString("d MMMM yyyy", Dutch)} tot {to.ToString("d MMMM yyyy", Dutch)}:");
        if (summaries.Count == 0)
        {
            text.AppendLine("- geen punten uit de casussen");
        }

        foreach (var s in summaries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {s.What}: {s.Shown}");
        }

        return text.ToString();
    }
}

/// <summary>
/// Looks every hour (Learning:AgendaMail:EveryMinutes, default 60; 0 switches it off) whether the agenda of a coming
/// session changed since it was mailed, and mails it again if so; at one instance at a time (<see cref="Data.JobLeases"/>).
/// </summary>
public sealed class AgendaMailJob(Data.JobLeases leases, IConfiguration configuration, IHostApplicationLifetime lifetime,
    ILogger<AgendaMailJob> logger) : Data.PeriodicJob(lifetime, logger)
{
    public const string Name = "agenda-mail";

    private TimeSpan Every => TimeSpan.FromMinutes(configuration.GetValue("Learning:AgendaMail:EveryMinutes", 60.0));

    protected override string Description => "Mailing changed learning-session agendas";

    protected override TimeSpan LookEvery => Every < TimeSpan.FromMinutes(5) ? Every : TimeSpan.FromMinutes(5);

    protected override Task RunAsync(CancellationToken ct) =>
        leases.RunIfDueAsync(Name, Every, TimeSpan.FromMinutes(15), async (services, token) => await MailChangedAsync(services, token), ct);

    /// <summary>Every session from today on whose agenda changed since its last mail; returns how many mails were queued.</summary>
    public static async Task<int> MailChangedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<KeukentafelDbContext>();
        var today = DutchTime.Today(services.GetRequiredService<TimeProvider>());
        var coming = await db.LearningSessions.AsNoTracking().Where(s => s.Date >= today).OrderBy(s => s.Date).Select(s => s.Id).ToListAsync(ct);
        var mails = 0;
        foreach (var id in coming)
        {
            // A fresh scope per session: one session's failure does not hold up the others.
            await using var scope = services.CreateAsyncScope();
            mails += await scope.ServiceProvider.GetRequiredService<AgendaMails>().SendIfChangedAsync(id, ct);
        }

        return mails;
    }

}
