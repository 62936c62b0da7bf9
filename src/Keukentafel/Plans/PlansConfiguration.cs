using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Plans;

// How plan actions, rule deviations and bottlenecks are stored. Enums are stored as text.

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> e)
    {
        e.Property(a => a.What).HasMaxLength(1000);
        e.Property(a => a.Carrier).HasConversion<string>().HasMaxLength(30);
        e.Property(a => a.CarrierName).HasMaxLength(300);
        e.Property(a => a.LawDomain).HasConversion<string>().HasMaxLength(30);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.DropReason).HasMaxLength(1000);
        e.Property(a => a.CreatedByName).HasMaxLength(300);
        e.Property(a => a.WorthSharing).HasMaxLength(2000);
        e.Property(a => a.WorthSharingByName).HasMaxLength(300);
        // The learning agenda looks for solutions marked in a period.
        e.HasIndex(a => a.WorthSharingAtUtc);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.CarrierStaffMemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.CarrierOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Learning.CollectiveInitiative>().WithMany().HasForeignKey(a => a.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(a => a.IsSettled);
    }
}

internal sealed class RuleDeviationConfiguration : IEntityTypeConfiguration<RuleDeviation>
{
    public void Configure(EntityTypeBuilder<RuleDeviation> e)
    {
        e.Property(d => d.Rule).HasMaxLength(500);
        e.Property(d => d.Reason).HasMaxLength(4000);
        e.Property(d => d.Otherwise).HasMaxLength(4000);
        e.Property(d => d.ManagerName).HasMaxLength(200);
        e.Property(d => d.LawDomain).HasConversion<string>().HasMaxLength(30);
        // The bottleneck report counts a period's deviations.
        e.HasIndex(d => d.RecordedAtUtc);
        e.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(d => d.RecordedByName).HasMaxLength(300);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.ManagerId).OnDelete(DeleteBehavior.Restrict);
        // A manager's list of deviations waiting for him.
        e.HasIndex(d => new { d.ManagerId, d.BackedAtUtc });
        e.Ignore(d => d.IsBacked);
    }
}

internal sealed class BottleneckConfiguration : IEntityTypeConfiguration<Bottleneck>
{
    public void Configure(EntityTypeBuilder<Bottleneck> e)
    {
        e.Property(b => b.Category).HasConversion<string>().HasMaxLength(30);
        e.Property(b => b.LawDomain).HasConversion<string>().HasMaxLength(30);
        // The bottleneck report and the learning agenda count a period's bottlenecks.
        e.HasIndex(b => b.RecordedAtUtc);
        e.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(b => b.Description).HasMaxLength(4000);
        e.Property(b => b.RecordedByName).HasMaxLength(300);
    }
}
