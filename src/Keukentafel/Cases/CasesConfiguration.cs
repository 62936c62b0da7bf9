using Keukentafel.Meetings;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Cases;

// How cases are stored. Enums are stored as text (readable in the database and stable when values are added).

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.Property(c => c.Number).HasMaxLength(20);
        e.HasIndex(c => c.Number).IsUnique();
        e.Property(c => c.Description).HasMaxLength(4000);
        e.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.SourceDetail).HasMaxLength(500);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.Evaluation).HasMaxLength(4000);
        e.Property(c => c.NoContributionReason).HasMaxLength(2000);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Neighbourhood>().WithMany().HasForeignKey(c => c.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.CaseBringerId).OnDelete(DeleteBehavior.Restrict);
        // The coordinator's and the reports' lists: a neighbourhood's cases by deadline.
        e.HasIndex(c => new { c.NeighbourhoodId, c.Status, c.Deadline, c.Id });
        e.HasIndex(c => c.ResidentId);
        // "Follow-ups due": a case bringer's closed cases by the date their follow-up measurement is due.
        e.HasIndex(c => new { c.CaseBringerId, c.FollowUpDue });
        e.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Answers).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Network).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Meetings).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Deviations).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Bottlenecks).WithOne().HasForeignKey(b => b.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Consents).WithOne().HasForeignKey(k => k.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Events).WithOne().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(c => c.IsOpen);
        e.Ignore(c => c.Analysis);
    }
}

internal sealed class CaseMemberConfiguration : IEntityTypeConfiguration<CaseMember>
{
    public void Configure(EntityTypeBuilder<CaseMember> e)
    {
        e.HasKey(m => new { m.CaseId, m.StaffMemberId });
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        // "My cases, the work still to do first, overdue on top": one range of this index, in the order it is read.
        e.HasIndex(m => new { m.StaffMemberId, m.IsOpen, m.CarriedOut, m.Deadline, m.CaseId });
    }
}

internal sealed class CaseAnswerConfiguration : IEntityTypeConfiguration<CaseAnswer>
{
    public void Configure(EntityTypeBuilder<CaseAnswer> e)
    {
        e.Property(a => a.Question).HasConversion<string>().HasMaxLength(10);
        e.Property(a => a.Text).HasMaxLength(8000);
        e.Property(a => a.WrittenByName).HasMaxLength(300);
        e.HasIndex(a => new { a.CaseId, a.Question, a.WrittenAtUtc });
    }
}

internal sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> e)
    {
        e.Property(n => n.Name).HasMaxLength(200);
        e.Property(n => n.Relation).HasMaxLength(100);
        e.Property(n => n.Phone).HasMaxLength(40);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.Property(v => v.Kind).HasMaxLength(60);
        e.Property(v => v.Summary).HasMaxLength(2000);
        e.Property(v => v.ActorName).HasMaxLength(300);
        // One event per version: the database itself refuses two changes that both claim the same step.
        e.HasIndex(v => new { v.CaseId, v.Version }).IsUnique();
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> e)
    {
        e.HasKey(c => c.Year);
        e.Property(c => c.Year).ValueGeneratedNever();
        e.Property(c => c.Last).IsConcurrencyToken();
    }
}
