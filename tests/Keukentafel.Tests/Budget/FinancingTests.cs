using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Budget;

/// <summary>The ledger on a real database: the last euros of a room go to one professional, never to two.</summary>
public sealed class FinancingTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private static readonly Actor Coordinator = new(Guid.Empty, null, "Test Coördinator", null);

    [Fact]
    public async Task Two_professionals_committing_the_last_euros_at_the_same_moment_exactly_one_succeeds()
    {
        var (budgetId, organisation) = await BudgetAsync("Wijkbudget gelijktijdig");
        await InScopeAsync(f => f.SetRoomAsync(budgetId, organisation, 2026, 1_000m, Coordinator, TestContext.Current.CancellationToken));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            try
            {
                await InScopeAsync(f => f.CommitAsync(budgetId, organisation, 2026, Guid.CreateVersion7(), Guid.CreateVersion7(), 600m,
                    new Actor(Guid.Empty, null, $"Professional {i}", null), TestContext.Current.CancellationToken));
                return (string?)null;
            }
            catch (DomainException refused)
            {
                return refused.Code;
            }
        })));

        attempts.Count(a => a is null).ShouldBe(1);
        attempts.Single(a => a is not null).ShouldBe("budget.room_exceeded");
        var book = await InScopeAsync(f => f.BookAsync(budgetId, TestContext.Current.CancellationToken));
        book.BalanceOf(organisation, 2026).ShouldBe(new Balance(1_000m, 600m, 0m));
        (await InScopeAsync(f => f.VerifyAsync(TestContext.Current.CancellationToken))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Commit_deliver_correct_and_release_add_up_and_every_entry_is_kept()
    {
        var (budgetId, organisation) = await BudgetAsync("Wijkbudget levering");
        var ct = TestContext.Current.CancellationToken;
        var (delivered, dropped) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await InScopeAsync(f => f.SetRoomAsync(budgetId, organisation, 2026, 2_000m, Coordinator, ct));
        await InScopeAsync(f => f.CommitAsync(budgetId, organisation, 2026, Guid.CreateVersion7(), delivered, 800m, Coordinator, ct));
        await InScopeAsync(f => f.CommitAsync(budgetId, organisation, 2026, Guid.CreateVersion7(), dropped, 500m, Coordinator, ct));
        await InScopeAsync(f => f.RealiseAsync(budgetId, delivered, 760m, Coordinator, ct));
        await InScopeAsync(f => f.ReleaseAsync(budgetId, dropped, "De bewoner regelde het zelf met zijn zus.", Coordinator, ct));
        await InScopeAsync(f => f.CorrectAsync(budgetId, organisation, 2026, -60m, "Creditnota: twee uur minder geleverd.", Coordinator, ct));

        var book = await InScopeAsync(f => f.BookAsync(budgetId, ct));
        book.BalanceOf(organisation, 2026).ShouldBe(new Balance(2_000m, 0m, 700m));
        book.Entries.Count.ShouldBe(7);
        (await InScopeAsync(f => f.ReleaseAsync(budgetId, dropped, "Nog eens.", Coordinator, ct)).ShouldThrowAsync<DomainException>())
            .Code.ShouldBe("budget.not_committed");
        (await InScopeAsync(f => f.VerifyAsync(ct))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_ledger_entry_or_a_contribution()
    {
        var (budgetId, organisation) = await BudgetAsync("Wijkbudget onveranderlijk");
        await InScopeAsync(f => f.SetRoomAsync(budgetId, organisation, 2026, 1_000m, Coordinator, TestContext.Current.CancellationToken));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();

        foreach (var sql in new[]
        {
            "UPDATE \"LedgerEntries\" SET \"Amount\" = 0",
            "DELETE FROM \"LedgerEntries\"",
            "UPDATE \"Contribution\" SET \"Amount\" = 1",
            "DELETE FROM \"Contribution\"",
        })
        {
            await Should.ThrowAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken), sql);
        }

        var book = await InScopeAsync(f => f.BookAsync(budgetId, TestContext.Current.CancellationToken));
        book.BalanceOf(organisation, 2026).Room.ShouldBe(1_000m);
    }

    private async Task<T> InScopeAsync<T>(Func<Financing, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<Financing>());
    }

    private async Task<(Guid Budget, Guid Organisation)> BudgetAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Code == "WK990101", ct);
        var organisation = await db.Organisations.Where(o => o.Type == OrganisationType.Welfare).Select(o => o.Id).FirstAsync(ct);
        var budget = NeighbourhoodBudget.Create(neighbourhood, name, 2026, 2027, Coordinator, DateTime.UtcNow);
        budget.AddContribution("Gemeente Heerdonk", null, 50_000m, new DateOnly(2026, 1, 2), LawDomain.Wmo, Coordinator, DateTime.UtcNow);
        db.Budgets.Add(budget);
        await db.SaveChangesAsync(ct);
        return (budget.Id, organisation);
    }
}
