using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Keukentafel.Bench;

/// <summary>
/// The statements behind opening a case, search, the budget dashboard, the effect report and the resident's pages, straight against the database (ADO.NET,
/// prepared, every value of every row read): the bare baseline each endpoint's figure is divided by. Each is what the
/// endpoint asks the database, not what it computes afterwards.
/// </summary>
internal sealed class BareQueries(Target target)
{
    /// <summary>Searching a professional's cases by a name: the list's query with the name condition.</summary>
    public Task<double> SearchAsync(Guid staffId, Guid organisationId, string term, TimeSpan warmUp, TimeSpan duration, CancellationToken ct) =>
        MedianAsync(
            [("""
              SELECT c."Id", c."Number", c."ResidentId", r."GivenName", r."FamilyNamePrefix", r."FamilyName", c."Status", c."Deadline",
                     c."SolutionCarriedOutAtUtc", c."ClosedAtUtc", c."LifeDomains", m."Role"
              FROM "CaseMembers" m
              JOIN "Cases" c ON c."Id" = m."CaseId"
              JOIN "Residents" r ON r."Id" = c."ResidentId"
              WHERE m."StaffMemberId" = @staff AND m."IsOpen" = @open
                AND (m."Role" = 'Bringer' OR EXISTS (SELECT 1 FROM "Consents" k WHERE k."CaseId" = m."CaseId" AND k."OrganisationId" = @organisation
                     AND k."WithdrawnAtUtc" IS NULL AND (k."ValidUntil" IS NULL OR k."ValidUntil" >= @today)))
                AND (c."Number" = @term OR lower(r."GivenName" || ' ' || COALESCE(r."FamilyNamePrefix" || ' ', '') || r."FamilyName") LIKE @like
                     OR lower(r."FamilyName") LIKE @like)
              ORDER BY m."CarriedOut", m."Deadline", m."CaseId"
              LIMIT 26
              """, [("@staff", target.Value(staffId)), ("@open", target.Value(true)), ("@organisation", target.Value(organisationId)),
                  ("@today", target.Value(DateOnly.FromDateTime(DateTime.UtcNow))), ("@term", term), ("@like", $"%{term.ToLowerInvariant()}%")])],
            warmUp, duration, ct);

    /// <summary>The dashboard's reads: the budget with its contributions, the year's ledger, the period's sums per kind, the pre-financings.</summary>
    public Task<double> DashboardAsync(Guid budgetId, int year, TimeSpan warmUp, TimeSpan duration, CancellationToken ct) =>
        MedianAsync(
            [
                ("""SELECT * FROM "Budgets" b LEFT JOIN "Contribution" k ON k."BudgetId" = b."Id" WHERE b."Id" = @budget""",
                    [("@budget", target.Value(budgetId))]),
                ("""SELECT * FROM "LedgerEntries" WHERE "BudgetId" = @budget AND "Year" = @year""", [("@budget", target.Value(budgetId)), ("@year", year)]),
                ($"""SELECT "Kind", SUM({(target.IsPostgres ? "\"Amount\"" : "CAST(\"Amount\" AS REAL)")}) FROM "LedgerEntries" """
                    + """WHERE "BudgetId" = @budget AND "Kind" <> 'Room' GROUP BY "Kind" """, [("@budget", target.Value(budgetId))]),
                ("""SELECT "PlanActionId", "Payer" FROM "PreFinancings" WHERE "BudgetId" = @budget""", [("@budget", target.Value(budgetId))]),
            ],
            warmUp, duration, ct);

    /// <summary>The effect report's reads: the neighbourhood's cases signalled in the period, their measurements, their analyses with lines.</summary>
    public Task<double> EffectReportAsync(Guid neighbourhoodId, DateTime fromUtc, DateTime toUtc, TimeSpan warmUp, TimeSpan duration, CancellationToken ct)
    {
        (string, object)[] period = [("@neighbourhood", target.Value(neighbourhoodId)), ("@from", target.Value(fromUtc)), ("@to", target.Value(toUtc))];
        const string InPeriod =
            """SELECT c."Id" FROM "Cases" c WHERE c."NeighbourhoodId" = @neighbourhood AND c."SignalledAtUtc" >= @from AND c."SignalledAtUtc" < @to""";
        return MedianAsync(
            [
                ("""
                 SELECT c."Id", c."Number", c."ResidentId", c."Deadline", c."SolutionCarriedOutAtUtc", c."SignalledAtUtc" FROM "Cases" c
                 WHERE c."NeighbourhoodId" = @neighbourhood AND c."SignalledAtUtc" >= @from AND c."SignalledAtUtc" < @to ORDER BY c."Number"
                 """, period),
                ($"""SELECT m."CaseId", m."Moment", m."Mark", m."RecordedAtUtc", m."Id" FROM "WellbeingMeasurements" m WHERE m."CaseId" IN ({InPeriod})""",
                    period),
                ($"""SELECT a.* FROM "MicroAnalyses" a WHERE a."CaseId" IN ({InPeriod}) ORDER BY a."Id" """, period),
                ($"""SELECT l.* FROM "MicroAnalyses" a JOIN "AnalysisLine" l ON l."AnalysisId" = a."Id" WHERE a."CaseId" IN ({InPeriod}) ORDER BY a."Id" """,
                    period),
            ],
            warmUp, duration, ct);
    }

    /// <summary>
    /// Opening a case: the two statements <c>CaseFiles.GetAsync</c> sends (the case with its resident, neighbourhood and
    /// case bringer; then every part of the file in one UNION ALL), taken from EF as it generates them for this database.
    /// </summary>
    public async Task<double> CaseFileAsync(Guid caseId, TimeSpan warmUp, TimeSpan duration, CancellationToken ct)
    {
        await using var db = target.NewContext();
        var statements = Statements(Keukentafel.Cases.CaseFiles.HeadQuery(db, caseId), Keukentafel.Cases.CaseFileParts.Query(db, caseId));
        // The case exists and has a team, so each statement returns rows: none would mean a parameter went astray.
        return await MedianAsync(statements, warmUp, duration, ct, rowsExpected: true);
    }

    /// <summary>
    /// "Who looked at my file": the statements <c>AccessLog</c> sends for the resident (how far each chain is indexed, his
    /// own events, the lists in the index), taken from EF as it generates them for this database.
    /// </summary>
    public async Task<double> AccessLogAsync(Guid residentId, string email, TimeSpan warmUp, TimeSpan duration, CancellationToken ct)
    {
        await using var db = target.NewContext();
        var account = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleAsync(ct);
        var (own, listed) = Keukentafel.Privacy.AccessLog.Queries(db, residentId, null, account);
        // The chains' progress stands for the newest list events: after the indexer's run there are none to read.
        return await MedianAsync(Statements(Keukentafel.Privacy.AuditIndexer.ProgressQuery(db), own, listed), warmUp, duration, ct);
    }

    private static List<(string, (string, object)[])> Statements(params IQueryable[] queries)
    {
        var statements = new List<(string, (string, object)[])>();
        foreach (var query in queries)
        {
            using var command = query.CreateDbCommand();
            statements.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]));
        }

        return statements;
    }

    private async Task<double> MedianAsync(IReadOnlyList<(string Sql, (string Name, object Value)[] Parameters)> statements, TimeSpan warmUp, TimeSpan duration,
        CancellationToken ct, bool rowsExpected = false)
    {
        await using var connection = await target.OpenAsync(ct);
        var commands = new List<DbCommand>();
        foreach (var (sql, parameters) in statements)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await command.PrepareAsync(ct);
            commands.Add(command);
        }

        var times = new List<double>();
        var measureFrom = DateTime.UtcNow + warmUp;
        var stop = measureFrom + duration;
        while (DateTime.UtcNow < stop)
        {
            var started = Stopwatch.GetTimestamp();
            foreach (var command in commands)
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                var rows = 0;
                while (await reader.ReadAsync(ct))
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        _ = reader.GetValue(i);
                    }
                }

                if (rowsExpected && rows == 0)
                {
                    throw new InvalidOperationException($"A bare statement returned no rows:\n{command.CommandText}");
                }
            }

            if (DateTime.UtcNow >= measureFrom)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        foreach (var command in commands)
        {
            await command.DisposeAsync();
        }

        times.Sort();
        return LoadDriver.Percentile(times, 0.5);
    }
}
