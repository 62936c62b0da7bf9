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
