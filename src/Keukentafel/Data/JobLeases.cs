using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Data;

/// <summary>A timed job's turn, shared by every instance: who holds it until when, and when it last ran to its end.</summary>
public sealed class JobLease
{
    private JobLease() { Name = Holder = ""; }

    public string Name { get; private set; }

    public string Holder { get; private set; }

    /// <summary>Until when the holder has the job (milliseconds since 1970, UTC); after that another instance may take it.</summary>
    public long UntilMs { get; private set; }

    /// <summary>When the job last ran to its end (milliseconds since 1970, UTC).</summary>
    public long LastRunMs { get; private set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.ToTable("JobLeases");
        e.HasKey(l => l.Name);
        e.Property(l => l.Name).HasMaxLength(60);
        e.Property(l => l.Holder).HasMaxLength(200);
    }
}

/// <summary>
/// One runner per timed job when several instances share the database. Each instance looks often whether a job is due;
/// the one whose single statement takes the lease runs it, and marks the run when it ends. When that instance dies
/// midway, its lease runs out and another takes the job over at its next look.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider time, Web.KeukentafelMetrics metrics)
{
    /// <summary>This instance, as the lease rows name it.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Runs the job here if it is due (its last run ended <paramref name="every"/> ago or longer) and no instance holds
    /// it; <paramref name="hold"/> is how long this instance may take before another may start it. True when it ran here.
    /// </summary>
    public async Task<bool> RunIfDueAsync(string job, TimeSpan every, TimeSpan hold, Func<IServiceProvider, CancellationToken, Task> run,
        CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)hold.TotalMilliseconds;
        var dueBefore = now - (long)every.TotalMilliseconds;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var taken = await db.Database.SqlQuery<string>($"""
                INSERT INTO "JobLeases" ("Name", "Holder", "UntilMs", "LastRunMs") VALUES ({job}, {Holder}, {until}, 0)
                ON CONFLICT ("Name") DO UPDATE SET "Holder" = {Holder}, "UntilMs" = {until}
                WHERE "JobLeases"."UntilMs" < {now} AND "JobLeases"."LastRunMs" <= {dueBefore}
                RETURNING "Holder" AS "Value"
                """).ToListAsync(ct);
        if (taken.Count == 0)
        {
            return false;
        }

        var ran = false;
        try
        {
            await run(scope.ServiceProvider, ct);
            ran = true;
        }
        finally
        {
            metrics.JobRun(job, ran ? "ran" : "failed");
            // A run that ended marks when; a failed one only gives the job back, to be tried at the next look.
            if (ran)
            {
                var ended = time.GetUtcNow().ToUnixTimeMilliseconds();
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "JobLeases" SET "UntilMs" = 0, "LastRunMs" = {ended} WHERE "Name" = {job} AND "Holder" = {Holder}""", CancellationToken.None);
            }
            else
            {
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "JobLeases" SET "UntilMs" = 0 WHERE "Name" = {job} AND "Holder" = {Holder}""", CancellationToken.None);
            }
        }

        return true;
    }
}
