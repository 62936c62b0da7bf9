using CsCheck;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;

namespace Keukentafel.Tests.Budget;

/// <summary>
/// The ledger adds up under any sequence of room changes, commitments (also beyond the room by a managers' decision),
/// room shifts, releases, realisations, corrections, settlements and write-offs.
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly Actor Professional = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Test Professional", "Welzijn Proef");
    private static readonly Guid[] Organisations = [Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()];
    private static readonly Guid[] Actions = [.. Enumerable.Range(0, 6).Select(_ => Guid.CreateVersion7())];

    private sealed record Operation(int Kind, int Organisation, int Year, int Action, int Cents);

    [Fact]
    public void Any_sequence_of_changes_keeps_the_ledger_adding_up_and_never_spends_beyond_the_room()
    {
        var operation = Gen.Select(Gen.Int[0, 8], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 5], Gen.Int[-50_000, 400_000],
            (k, o, y, a, c) => new Operation(k, o, y, a, c));
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
                        1 => [book.Commit(organisation, year, Guid.Empty, Actions[op.Action], amount, LawDomain.Wmo, Professional, now)],
                        2 => [book.Release(Actions[op.Action], "Actie vervalt.", Professional, now)],
                        3 => book.Realise(Actions[op.Action], Math.Abs(amount), Professional, now),
                        4 => [book.Correct(organisation, year, amount, null, op.Cents % 2 == 0 ? null : Actions[op.Action], "Creditnota.", Professional, now)],
                        5 => [book.Settle(Actions[op.Action], EntryKind.Settlement, Math.Abs(amount), "Zorgverzekeraar betaalde terug.", Professional, now)],
                        6 => [book.Settle(Actions[op.Action], EntryKind.WriteOff, Math.Abs(amount), "Komt niet terug.", Professional, now)],
                        7 => book.ShiftRoom(Organisations[(op.Organisation + 1) % 3], organisation, year, Math.Abs(amount), Guid.CreateVersion7(),
                            "Besluit managers.", Professional, now),
                        _ => (IReadOnlyList<LedgerEntry>)[book.Commit(organisation, year, Guid.Empty, Actions[op.Action], Math.Abs(amount), LawDomain.Zvw,
                            Professional, now, Decided(organisation, year, Actions[op.Action], Math.Abs(amount), now))],
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
                    // Beyond the room only as far as recorded managers' decisions allow it.
                    var allowed = book.Entries.Where(e => e.OrganisationId == o && e.Year == year && e.Kind == EntryKind.Commitment && e.DecisionId is not null)
                        .Sum(e => e.Amount);
                    balance.Remaining.ShouldBeGreaterThanOrEqualTo(-allowed);
                }

                book.TotalRoom.ShouldBeLessThanOrEqualTo(budget.Total);
                foreach (var action in Actions)
                {
                    book.Open(action).ShouldBeGreaterThanOrEqualTo(0m);
                    book.Outstanding(action).ShouldBeGreaterThanOrEqualTo(0m);
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

        book.Commit(Organisations[0], 2026, Guid.Empty, Actions[0], 700m, LawDomain.Wmo, Professional, now);
        var refused = Should.Throw<DomainException>(() => book.Commit(Organisations[0], 2026, Guid.Empty, Actions[1], 400m, LawDomain.Wmo, Professional, now));
        refused.Code.ShouldBe("budget.room_exceeded");
        refused.Message.ShouldContain("300,00");
        book.Realise(Actions[0], 650m, Professional, now.AddDays(10));

        book.BalanceOf(Organisations[0], 2026).ShouldBe(new Balance(1_000m, 0m, 650m));
        // Delivered and paid: the same action is not financed a second time.
        Should.Throw<DomainException>(() => book.Commit(Organisations[0], 2026, Guid.Empty, Actions[0], 100m, LawDomain.Wmo, Professional, now))
            .Code.ShouldBe("budget.already_committed");
        book.Commit(Organisations[0], 2026, Guid.Empty, Actions[1], 350m, LawDomain.Wmo, Professional, now.AddDays(11));
        Should.Throw<DomainException>(() => book.SetRoom(Organisations[0], 2026, 900m, Professional, now)).Code.ShouldBe("budget.room_below_used");
        Should.Throw<DomainException>(() => book.SetRoom(Organisations[1], 2026, 4_500m, Professional, now)).Code.ShouldBe("budget.rooms_exceed_contributions");
    }

    [Fact]
    public void Beyond_the_room_only_with_the_managers_decision_for_that_action_and_amount()
    {
        var budget = NewBudget(contributed: 5_000m);
        var book = new LedgerBook(budget, []);
        var now = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        book.SetRoom(Organisations[0], 2026, 500m, Professional, now);

        Should.Throw<DomainException>(() => book.Commit(Organisations[0], 2026, Guid.Empty, Actions[0], 800m, LawDomain.Wmo, Professional, now))
            .Code.ShouldBe("budget.room_exceeded");
        // A decision about another action, or for less, does not open the room.
        Should.Throw<DomainException>(() => book.Commit(Organisations[0], 2026, Guid.Empty, Actions[0], 800m, LawDomain.Wmo, Professional, now,
            Decided(Organisations[0], 2026, Actions[1], 800m, now)));
        Should.Throw<DomainException>(() => book.Commit(Organisations[0], 2026, Guid.Empty, Actions[0], 800m, LawDomain.Wmo, Professional, now,
            Decided(Organisations[0], 2026, Actions[0], 700m, now)));

        var decision = Decided(Organisations[0], 2026, Actions[0], 800m, now);
        var entry = book.Commit(Organisations[0], 2026, Guid.Empty, Actions[0], 800m, LawDomain.Wmo, Professional, now, decision);

        entry.DecisionId.ShouldBe(decision.Id);
        book.BalanceOf(Organisations[0], 2026).Remaining.ShouldBe(-300m);
        LedgerBook.Violations(budget, book.Entries).ShouldBeEmpty();
        // Delivered at what was reserved: covered; more than that needs room there is not.
        Should.Throw<DomainException>(() => book.Realise(Actions[0], 850m, Professional, now));
        book.Realise(Actions[0], 800m, Professional, now);
        LedgerBook.Violations(budget, book.Entries).ShouldBeEmpty();
    }

    [Fact]
    public void A_pre_financed_action_is_outstanding_until_settled_or_written_off()
    {
        var budget = NewBudget(contributed: 5_000m);
        var book = new LedgerBook(budget, []);
        var now = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        book.SetRoom(Organisations[0], 2026, 1_000m, Professional, now);
        book.Commit(Organisations[0], 2026, Guid.Empty, Actions[0], 600m, LawDomain.Zvw, Professional, now);
        Should.Throw<DomainException>(() => book.Settle(Actions[0], EntryKind.Settlement, 100m, "Te vroeg.", Professional, now))
            .Code.ShouldBe("budget.not_realised");
        book.Realise(Actions[0], 600m, Professional, now);

        book.Settle(Actions[0], EntryKind.Settlement, 450m, "Zekerzorg betaalde terug.", Professional, now);
        book.Outstanding(Actions[0]).ShouldBe(150m);
        book.BalanceOf(Organisations[0], 2026).Realised.ShouldBe(150m);
        Should.Throw<DomainException>(() => book.Settle(Actions[0], EntryKind.WriteOff, 200m, "Te veel.", Professional, now))
            .Code.ShouldBe("budget.settlement_range");
        book.Settle(Actions[0], EntryKind.WriteOff, 150m, "Verjaard.", Professional, now);

        book.Outstanding(Actions[0]).ShouldBe(0m);
        book.BalanceOf(Organisations[0], 2026).Realised.ShouldBe(150m);
        LedgerBook.Violations(budget, book.Entries).ShouldBeEmpty();
    }

    private static FinancingRequest Decided(Guid organisation, int year, Guid action, decimal amount, DateTime now)
    {
        var request = new FinancingRequest(Guid.Empty, Guid.Empty, action, organisation, year, amount, 0m, Professional, now);
        request.Decide(RequestStatus.BeyondRoom, null, "Alleen zij leveren dit.", Professional, now);
        return request;
    }

    internal static NeighbourhoodBudget NewBudget(decimal contributed)
    {
        var town = new Municipality("Gemeente Proefdorp", "GM9998");
        var neighbourhood = new Neighbourhood(town, "Noord", "WK999801", null);
        var budget = NeighbourhoodBudget.Create(neighbourhood, "Wijkbudget Noord", 2026, 2027, Professional,
            new DateTime(2026, 1, 2, 9, 0, 0, DateTimeKind.Utc));
        budget.AddContribution("Gemeente Proefdorp", null, contributed, new DateOnly(2026, 1, 2), LawDomain.Wmo, Professional,
            new DateTime(2026, 1, 2, 9, 0, 0, DateTimeKind.Utc));
        return budget;
    }
}
