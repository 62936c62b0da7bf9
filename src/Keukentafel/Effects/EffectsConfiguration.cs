using Keukentafel.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Effects;

internal sealed class WellbeingMeasurementConfiguration : IEntityTypeConfiguration<WellbeingMeasurement>
{
    public void Configure(EntityTypeBuilder<WellbeingMeasurement> e)
    {
        e.HasOne<Case>().WithMany(c => c.Measurements).HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(m => m.Moment).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.Mark).HasPrecision(3, 1);
        e.Property(m => m.Note).HasMaxLength(2000);
        e.Property(m => m.CorrectionReason).HasMaxLength(2000);
        e.Property(m => m.RecordedByName).HasMaxLength(300);
        e.HasIndex(m => new { m.CaseId, m.Moment, m.RecordedAtUtc });
        e.OwnsMany(m => m.Scores, s =>
        {
            s.ToTable("WellbeingScores");
            s.WithOwner().HasForeignKey("MeasurementId");
            s.HasKey("MeasurementId", nameof(WellbeingScore.Dimension));
            s.Property(x => x.Dimension).HasMaxLength(60);
        });
    }
}

internal sealed class MicroAnalysisConfiguration : IEntityTypeConfiguration<MicroAnalysis>
{
    public void Configure(EntityTypeBuilder<MicroAnalysis> e)
    {
        e.HasOne<Case>().WithMany(c => c.Analyses).HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        // One analysis that counts per case; replaced versions beside it.
        e.HasIndex(a => a.CaseId).IsUnique().HasFilter("\"ReplacedAtUtc\" IS NULL");
        e.Property(a => a.ReplacedByName).HasMaxLength(300);
        e.Property(a => a.ReplacedReason).HasMaxLength(2000);
        e.Property(a => a.CatalogueVersion).HasMaxLength(40);
        e.Property(a => a.Assumptions).HasMaxLength(8000);
        e.Property(a => a.CreatedByName).HasMaxLength(300);
        e.Property(a => a.LockedByName).HasMaxLength(300);
        e.Ignore(a => a.IsLocked);
        e.Ignore(a => a.CurrentLines);
        e.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.AnalysisId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnalysisLineConfiguration : IEntityTypeConfiguration<AnalysisLine>
{
    public void Configure(EntityTypeBuilder<AnalysisLine> e)
    {
        e.Property(l => l.Scenario).HasConversion<string>().HasMaxLength(20);
        e.Property(l => l.ItemCode).HasMaxLength(60);
        e.Property(l => l.Description).HasMaxLength(500);
        e.Property(l => l.Unit).HasMaxLength(40);
        e.Property(l => l.Quantity).HasPrecision(12, 2);
        e.Property(l => l.Probability).HasPrecision(5, 4);
        // An indexed unit price, frozen as computed: cents come only at the edges (totals on the page and in exports).
        e.Property(l => l.UnitPrice).HasPrecision(18, 6);
        e.Property(l => l.LawDomain).HasConversion<string>().HasMaxLength(30);
        e.Property(l => l.Payer).HasConversion<string>().HasMaxLength(30);
        e.Property(l => l.Note).HasMaxLength(2000);
        e.Property(l => l.PriceSource).HasMaxLength(1000);
        e.Property(l => l.AddedByName).HasMaxLength(300);
        e.Property(l => l.RemovedByName).HasMaxLength(300);
    }
}

internal sealed class NeighbourhoodPriceConfiguration : IEntityTypeConfiguration<NeighbourhoodPrice>
{
    public void Configure(EntityTypeBuilder<NeighbourhoodPrice> e)
    {
        e.HasOne<Neighbourhoods.Neighbourhood>().WithMany().HasForeignKey(p => p.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        e.Property(p => p.ItemCode).HasMaxLength(60);
        e.Property(p => p.Source).HasMaxLength(1000);
        e.Property(p => p.SetByName).HasMaxLength(300);
        e.HasIndex(p => new { p.NeighbourhoodId, p.ItemCode, p.SetAtUtc });
    }
}
