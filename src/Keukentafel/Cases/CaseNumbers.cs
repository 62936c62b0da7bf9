using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Cases;

/// <summary>The last case number handed out in a year: one row per year, counted up in the database itself.</summary>
public sealed class CaseNumberCounter
{
    private CaseNumberCounter() { }

    /// <summary>A year's row made directly, by the bench's bulk generator.</summary>
    public CaseNumberCounter(int year) => Year = year;

    public int Year { get; private set; }
    public int Last { get; private set; }
}

/// <summary>
/// Hands out readable case numbers: 2026-00001, 2026-00002, ... per calendar year. The count goes up in one statement
/// (an insert that turns into an update when the year's row is there), so instances signalling at the same moment each
/// get their own number without a clash or a retry. Outside a transaction the number is taken at once: a signal that
/// fails after it leaves a gap, never a number used twice.
/// </summary>
public sealed class CaseNumbers(KeukentafelDbContext db)
{
    public async Task<string> NextAsync(int year, CancellationToken ct)
    {
        var last = (await db.Database.SqlQuery<int>($"""
                INSERT INTO "CaseNumberCounters" ("Year", "Last") VALUES ({year}, 1)
                ON CONFLICT ("Year") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + 1
                RETURNING "Last" AS "Value"
                """).ToListAsync(ct)).Single();
        return $"{year}-{last:D5}";
    }
}
