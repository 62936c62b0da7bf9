using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Cases;

/// <summary>The last case number handed out in a year. One row per year; a concurrency token keeps numbers unique.</summary>
public sealed class CaseNumberCounter
{
    private CaseNumberCounter() { }

    public CaseNumberCounter(int year) => Year = year;

    public int Year { get; private set; }
    public int Last { get; private set; }

    internal string Next()
    {
        Last++;
        return $"{Year}-{Last:D5}";
    }
}

/// <summary>Hands out readable case numbers: 2026-00001, 2026-00002, ... per calendar year.</summary>
public sealed class CaseNumbers(KeukentafelDbContext db)
{
    /// <summary>The next number, counted in the unit of work of the caller (saved with the new case).</summary>
    public async Task<string> NextAsync(int year, CancellationToken ct)
    {
        // A counter made earlier in this unit of work (several cases at once) is not in the database yet.
        var counter = db.CaseNumberCounters.Local.FirstOrDefault(c => c.Year == year)
            ?? await db.CaseNumberCounters.SingleOrDefaultAsync(c => c.Year == year, ct);
        if (counter is null)
        {
            counter = new CaseNumberCounter(year);
            db.CaseNumberCounters.Add(counter);
        }

        return counter.Next();
    }
}
