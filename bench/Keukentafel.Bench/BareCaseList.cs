using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Keukentafel.Bench;

/// <summary>
/// A professional's first page of "my cases" straight from the database (ADO.NET, a prepared command, no EF, no HTTP):
/// the same joins, filter, order and limit as the endpoint's query. The baseline every list figure is compared with.
/// </summary>
internal sealed class BareCaseList : IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly DbCommand list;

    private BareCaseList(DbConnection connection, DbCommand list) => (this.connection, this.list) = (connection, list);

    /// <summary>The staff member and organisation of an account's e-mail address.</summary>
    public static async Task<(Guid StaffId, Guid OrganisationId)> StaffAsync(Target target, string email, CancellationToken ct)
    {
        await using var connection = await target.OpenAsync(ct);
        await using var who = connection.CreateCommand();
        who.CommandText = "SELECT \"Id\", \"OrganisationId\" FROM \"StaffMembers\" WHERE \"Email\" = @email";
        Add(who, "@email", email);
        await using var reader = await who.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (Guid.Parse(reader.GetValue(0).ToString()!), Guid.Parse(reader.GetValue(1).ToString()!));
    }

    public static async Task<BareCaseList> OpenAsync(Target target, string email, CancellationToken ct)
    {
        var (staffId, organisationId) = await StaffAsync(target, email, ct);
        var connection = await target.OpenAsync(ct);

        var list = connection.CreateCommand();
        list.CommandText = """
            SELECT c."Id", c."Number", c."ResidentId", r."GivenName", r."FamilyNamePrefix", r."FamilyName", c."Status", c."Deadline",
                   c."SolutionCarriedOutAtUtc", c."ClosedAtUtc", c."LifeDomains", m."Role"
            FROM "CaseMembers" m
            JOIN "Cases" c ON c."Id" = m."CaseId"
            JOIN "Residents" r ON r."Id" = c."ResidentId"
            WHERE m."StaffMemberId" = @staff AND m."IsOpen" = @open
              AND (m."Role" = 'Bringer' OR EXISTS (SELECT 1 FROM "Consents" k WHERE k."CaseId" = m."CaseId" AND k."OrganisationId" = @organisation
                   AND k."WithdrawnAtUtc" IS NULL AND (k."ValidUntil" IS NULL OR k."ValidUntil" >= @today)))
            ORDER BY m."CarriedOut", m."Deadline", m."CaseId"
            LIMIT 26
            """;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Add(list, "@staff", target.Value(staffId));
        Add(list, "@open", target.Value(true));
        Add(list, "@organisation", target.Value(organisationId));
        Add(list, "@today", target.Value(today));
        await list.PrepareAsync(ct);
        return new BareCaseList(connection, list);
    }

    /// <summary>Runs the query and reads every value of every row; returns the number of rows.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var rows = 0;
        await using var reader = await list.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await list.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
