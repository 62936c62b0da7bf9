using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Budget;

internal sealed class NeighbourhoodBudgetConfiguration : IEntityTypeConfiguration<NeighbourhoodBudget>
{
    public void Configure(EntityTypeBuilder<NeighbourhoodBudget> e)
    {
        e.ToTable("Budgets");
        e.HasOne<Neighbourhoods.Neighbourhood>().WithMany().HasForeignKey(b => b.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        e.Property(b => b.Name).HasMaxLength(200);
        e.Property(b => b.CreatedByName).HasMaxLength(300);
        e.HasMany(b => b.Contributions).WithOne().HasForeignKey(c => c.BudgetId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(b => b.Years);
        e.Ignore(b => b.Total);
        e.HasIndex(b => b.NeighbourhoodId);
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> e)
    {
        e.Property(c => c.Contributor).HasMaxLength(300);
        e.Property(c => c.LawDomain).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.RecordedByName).HasMaxLength(300);
        e.HasOne<Neighbourhoods.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.HasOne<NeighbourhoodBudget>().WithMany().HasForeignKey(l => l.BudgetId).OnDelete(DeleteBehavior.Restrict);
        e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(l => l.LawDomain).HasConversion<string>().HasMaxLength(30);
        e.Property(l => l.Reason).HasMaxLength(2000);
        e.Property(l => l.ByName).HasMaxLength(300);
        // Balances of an organisation's year, and the entries of one action.
        // A budget's year (the dashboard), and an organisation's year in it (the room checks).
        e.HasIndex(l => new { l.BudgetId, l.Year, l.OrganisationId });
        e.HasIndex(l => l.PlanActionId);
        e.HasIndex(l => l.InitiativeId);
    }
}

internal sealed class RoomLockConfiguration : IEntityTypeConfiguration<RoomLock>
{
    public void Configure(EntityTypeBuilder<RoomLock> e)
    {
        e.HasKey(l => new { l.BudgetId, l.OrganisationId, l.Year });
        e.Property(l => l.Version).IsConcurrencyToken();
    }
}

internal sealed class FinancingRequestConfiguration : IEntityTypeConfiguration<FinancingRequest>
{
    public void Configure(EntityTypeBuilder<FinancingRequest> e)
    {
        e.HasOne<NeighbourhoodBudget>().WithMany().HasForeignKey(r => r.BudgetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Neighbourhoods.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.PreFinancedFor).HasConversion<string>().HasMaxLength(30);
        e.Property(r => r.RequestedByName).HasMaxLength(300);
        e.Property(r => r.DecidedByName).HasMaxLength(300);
        e.Property(r => r.DecisionReason).HasMaxLength(2000);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.Ignore(r => r.IsWaiting);
        // A manager's open requests; an action's requests.
        e.HasIndex(r => new { r.OrganisationId, r.Status });
        e.HasIndex(r => r.PlanActionId, "IX_FinancingRequests_OneOpenPerAction").IsUnique().HasFilter("\"Status\" IN ('Open', 'AwaitingRoom')");
        e.HasIndex(r => r.PlanActionId);
    }
}

internal sealed class PreFinancingConfiguration : IEntityTypeConfiguration<PreFinancing>
{
    public void Configure(EntityTypeBuilder<PreFinancing> e)
    {
        e.HasOne<NeighbourhoodBudget>().WithMany().HasForeignKey(p => p.BudgetId).OnDelete(DeleteBehavior.Restrict);
        e.Property(p => p.Payer).HasConversion<string>().HasMaxLength(30);
        e.Property(p => p.ByName).HasMaxLength(300);
        e.HasIndex(p => p.PlanActionId).IsUnique();
        e.HasIndex(p => p.BudgetId);
    }
}

internal sealed class RoomShiftAskConfiguration : IEntityTypeConfiguration<RoomShiftAsk>
{
    public void Configure(EntityTypeBuilder<RoomShiftAsk> e)
    {
        e.ToTable("RoomShiftAsks");
        e.HasOne<FinancingRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Neighbourhoods.Organisation>().WithMany().HasForeignKey(a => a.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(a => a.AskedByName).HasMaxLength(300);
        e.Property(a => a.AskedReason).HasMaxLength(2000);
        e.Property(a => a.AnsweredByName).HasMaxLength(300);
        e.Property(a => a.AnswerReason).HasMaxLength(2000);
        e.Property(a => a.Version).IsConcurrencyToken();
        // What a manager is asked to answer; a request's asks.
        e.HasIndex(a => new { a.FromOrganisationId, a.Agreed });
        e.HasIndex(a => a.RequestId);
    }
}
