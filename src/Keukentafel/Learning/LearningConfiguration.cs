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
        e.Property(s => s.AgendaMailedFingerprint).HasMaxLength(64);
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

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> e)
    {
        e.ToTable("Lessons");
        e.HasOne<LearningSession>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(l => new { l.SessionId, l.Status });
        e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(l => l.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(l => l.Text).HasMaxLength(4_000);
        e.Property(l => l.StatusNote).HasMaxLength(4_000);
        e.Property(l => l.OwnerName).HasMaxLength(300);
        e.Property(l => l.RecordedByName).HasMaxLength(300);
        e.Property(l => l.StatusChangedByName).HasMaxLength(300);
        e.Property(l => l.Version).IsConcurrencyToken();
        e.HasOne<Neighbourhoods.StaffMember>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(l => l.Cases).WithOne().HasForeignKey(c => c.LessonId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(l => l.Cases).AutoInclude();
    }
}

internal sealed class LessonCaseConfiguration : IEntityTypeConfiguration<LessonCase>
{
    public void Configure(EntityTypeBuilder<LessonCase> e)
    {
        e.ToTable("LessonCases");
        e.HasKey(c => new { c.LessonId, c.CaseId });
        e.HasIndex(c => c.CaseId);
        e.HasOne<Cases.Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollectiveInitiativeConfiguration : IEntityTypeConfiguration<CollectiveInitiative>
{
    public void Configure(EntityTypeBuilder<CollectiveInitiative> e)
    {
        e.ToTable("CollectiveInitiatives");
        e.HasOne<Neighbourhoods.Neighbourhood>().WithMany().HasForeignKey(i => i.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Neighbourhoods.Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => new { i.NeighbourhoodId, i.Name });
        e.Property(i => i.Name).HasMaxLength(300);
        e.Property(i => i.Description).HasMaxLength(4_000);
        e.Property(i => i.CreatedByName).HasMaxLength(300);
        e.HasMany(i => i.Measures).WithOne().HasForeignKey(m => m.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        e.Navigation(i => i.Measures).AutoInclude();
    }
}

internal sealed class InitiativeMeasureConfiguration : IEntityTypeConfiguration<InitiativeMeasure>
{
    public void Configure(EntityTypeBuilder<InitiativeMeasure> e)
    {
        e.ToTable("InitiativeMeasures");
        e.HasIndex(m => new { m.InitiativeId, m.Week });
        e.Property(m => m.Note).HasMaxLength(2_000);
        e.Property(m => m.RecordedByName).HasMaxLength(300);
    }
}
