using CsCheck;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;

namespace Keukentafel.Tests.Budget;

/// <summary>The ledger adds up under any sequence of room changes, commitments, releases, realisations and corrections.</summary>
public sealed class LedgerPropertyTests
{
    private static readonly Actor Professional = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Test Professional", "Welzijn Proef");
    private static readonly Guid[] Organisations = [Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()];
    private static readonly Guid[] Actions = [.. Enumerable.Range(0, 6).Select(_ => Guid.CreateVersion7())];

    private sealed record Operation(int Kind, int Organisation, int Year, int Action, int Cents);

    [Fact]
    public void Any_sequence_of_changes_keeps_the_ledger_adding_up_and_never_spends_beyond_the_room()
    {
        var operation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 5], Gen.Int[-50_000, 400_000], (k, o, y, a, c) => new Operation(k, o, y, a, c));
        operation.Array[1, 80].Sample(operations =>
        {
            var budget = NewBudget(contributed: 10_000m);
            var book = new LedgerBook(budget, []);
            var now = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
            foreach (var op in operations)
            {
                var organisation = Organisations[op.Organisation];
                var year = budget.FirstYear + op.Year;
                var amount = op.Cents / 100m;
                now = now.AddMinutes(1);
                try
                {
                    _ = op.Kind switch
                    {
                        0 => [book.SetRoom(organisation, year, Math.Abs(amount), Professional, now)],
                        1 => [book.Commit(organisation, year, Guid.Empty, Actions[op.Action], amount, Professional, now)],
                        2 => [book.Release(Actions[op.Action], "Actie vervalt.", Professional, now)],
                        3 => book.Realise(Actions[op.Action], Math.Abs(amount), Professional, now),
                        _ => (IReadOnlyList<LedgerEntry>)[book.Correct(organisation, year, amount, null, null, "Creditnota.", Professional, now)],
                    };
                }
                catch (DomainException)
                {
                    // A refusal changes nothing; the invariants below must hold either way.
                }

                LedgerBook.Violations(budget, book.Entries).ShouldBeEmpty();
                foreach (var o in Organisations)
                {
                    var balance = book.BalanceOf(o, year);
                    balance.Remaining.ShouldBe(balance.Room - balance.Committed - balance.Realised);
                    balance.Remaining.ShouldBeGreaterThanOrEqualTo(0m);
                }

                book.TotalRoom.ShouldBeLessThanOrEqualTo(budget.Total);
                foreach (var action in Actions)
                {
                    book.Open(action).ShouldBeGreaterThanOrEqualTo(0m);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void A_commitment_over_the_room_is_refused_with_the_reason_and_delivery_releases_the_reservation()
    {
        var budget = NewBudget(contributed: 5_000m);
        var book = new LedgerBook(budget, []);
        var now = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        book.SetRoom(Organisations[0], 2026, 1_000m, Professional, now);

        book.Commit(Organisations[0], 2026, Guid.Empty, Actions[0], 700m, Professional, now);
        var refused = Should.Throw<DomainException>(() => book.Commit(Organisations[0], 2026, Guid.Empty, Actions[1], 400m, Professional, now));
        refused.Code.ShouldBe("budget.room_exceeded");
        refused.Message.ShouldContain("300,00");
        book.Realise(Actions[0], 650m, Professional, now.AddDays(10));

        book.BalanceOf(Organisations[0], 2026).ShouldBe(new Balance(1_000m, 0m, 650m));
        book.Commit(Organisations[0], 2026, Guid.Empty, Actions[1], 350m, Professional, now.AddDays(11));
        Should.Throw<DomainException>(() => book.SetRoom(Organisations[0], 2026, 900m, Professional, now)).Code.ShouldBe("budget.room_below_used");
        Should.Throw<DomainException>(() => book.SetRoom(Organisations[1], 2026, 4_500m, Professional, now)).Code.ShouldBe("budget.rooms_exceed_contributions");
    }

    internal static NeighbourhoodBudget NewBudget(decimal contributed)
    {
        var town = new Municipality("Gemeente Proefdorp", "GM9998");
        var neighbourhood = new Neighbourhood(town, "Noord", "WK999801", null);
        var budget = NeighbourhoodBudget.Create(neighbourhood, "Wijkbudget Noord", 2026, 2027, Professional, new DateTime(2026, 1, 2, 9, 0, 0, DateTimeKind.Utc));
        budget.AddContribution("Gemeente Proefdorp", null, contributed, new DateOnly(2026, 1, 2), LawDomain.Wmo, Professional, new DateTime(2026, 1, 2, 9, 0, 0, DateTimeKind.Utc));
        return budget;
    }
}
