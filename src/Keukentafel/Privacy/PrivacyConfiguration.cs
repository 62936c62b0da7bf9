using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Privacy;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(a => a.UserName).HasMaxLength(300);
        e.Property(a => a.Roles).HasMaxLength(200);
        e.Property(a => a.Organisation).HasMaxLength(200);
        e.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Part).HasMaxLength(60);
        e.Property(a => a.Reason).HasMaxLength(2000);
        e.Property(a => a.ClientAddress).HasMaxLength(60);
        // "Who looked at my file": a resident's events in time order; a case's are found among its resident's. Every
        // index here is written by every event (25 for one page of a case list), so there is only this one.
        e.HasIndex(a => new { a.ResidentId, a.AtUtc });
        // The chains: one event per place in its writer's chain, walked in order by the verification.
        e.HasIndex(a => new { a.ChainId, a.Sequence }).IsUnique();
        e.Property(a => a.PreviousHash).HasMaxLength(64);
        e.Property(a => a.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditShownConfiguration : IEntityTypeConfiguration<AuditShown>
{
    public void Configure(EntityTypeBuilder<AuditShown> e)
    {
        e.ToTable("AuditShown");
        // The key is the resident's "who looked" order itself, so the index is the table (no second index to update).
        e.HasKey(s => new { s.ResidentId, s.AtUtc, s.EventId, s.CaseId });
        e.Property(s => s.Reason).HasMaxLength(2000);
    }
}

internal sealed class AuditIndexMarkConfiguration : IEntityTypeConfiguration<AuditIndexMark>
{
    public void Configure(EntityTypeBuilder<AuditIndexMark> e)
    {
        e.HasKey(m => m.ChainId);
        e.Property(m => m.ChainId).ValueGeneratedNever();
    }
}

internal sealed class AuditChainConfiguration : IEntityTypeConfiguration<AuditChain>
{
    public void Configure(EntityTypeBuilder<AuditChain> e)
    {
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Writer).HasMaxLength(300);
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> e)
    {
        e.Property(c => c.Hash).HasMaxLength(64);
        e.Property(c => c.Signature).HasMaxLength(64);
        e.HasIndex(c => new { c.ChainId, c.Sequence });
    }
}

internal sealed class BreakGlassConfiguration : IEntityTypeConfiguration<BreakGlass>
{
    public void Configure(EntityTypeBuilder<BreakGlass> e)
    {
        e.Property(b => b.Reason).HasMaxLength(2000);
        e.HasIndex(b => new { b.CaseId, b.StaffMemberId, b.ValidUntilUtc });
    }
}

internal sealed class AuditPurgeConfiguration : IEntityTypeConfiguration<AuditPurge>
{
    public void Configure(EntityTypeBuilder<AuditPurge> e)
    {
        e.Property(p => p.ByName).HasMaxLength(300);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> e)
    {
        e.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(k => k.OrganisationName).HasMaxLength(200);
        e.Property(k => k.Purpose).HasMaxLength(1000);
        e.Property(k => k.RecordedByName).HasMaxLength(300);
        e.Property(k => k.WithdrawnByName).HasMaxLength(300);
        e.Property(k => k.WithdrawalReason).HasMaxLength(2000);
        // The access check: does this organisation hold a consent on this case?
        e.HasIndex(k => new { k.CaseId, k.OrganisationId });
    }
}

internal sealed class AnonymisationConfiguration : IEntityTypeConfiguration<Anonymisation>
{
    public void Configure(EntityTypeBuilder<Anonymisation> e)
    {
        e.Property(a => a.Rule).HasMaxLength(500);
        e.HasIndex(a => a.ResidentId);
    }
}
