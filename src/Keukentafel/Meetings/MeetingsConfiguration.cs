using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Meetings;

// How meetings and who sits at the table are stored. Enums are stored as text.

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.Place).HasMaxLength(300);
        e.Property(m => m.ReasonNotAtHome).HasMaxLength(1000);
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.Decisions).HasMaxLength(8000);
        e.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> e)
    {
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Agreement).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Organisation).HasMaxLength(200);
        e.Property(p => p.ProposedByName).HasMaxLength(300);
        e.Property(p => p.AgreementRecordedByName).HasMaxLength(300);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
