using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Learning;

internal sealed class LearningSessionConfiguration : IEntityTypeConfiguration<LearningSession>
{
    public void Configure(EntityTypeBuilder<LearningSession> e)
    {
        e.ToTable("LearningSessions");
        e.HasOne<Neighbourhoods.Neighbourhood>().WithMany().HasForeignKey(s => s.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(s => new { s.NeighbourhoodId, s.Date });
        e.Property(s => s.Level).HasConversion<string>().HasMaxLength(30);
        e.Property(s => s.Minutes).HasMaxLength(20_000);
        e.Property(s => s.CreatedByName).HasMaxLength(300);
        e.Property(s => s.MinutesChangedByName).HasMaxLength(300);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(s => s.Participants).AutoInclude();
    }
}

internal sealed class SessionParticipantConfiguration : IEntityTypeConfiguration<SessionParticipant>
{
    public void Configure(EntityTypeBuilder<SessionParticipant> e)
    {
        e.ToTable("LearningSessionParticipants");
        e.Property(p => p.Name).HasMaxLength(300);
        e.HasOne<Neighbourhoods.StaffMember>().WithMany().HasForeignKey(p => p.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
