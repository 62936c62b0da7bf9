using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> e)
    {
        e.Property(a => a.DisplayName).HasMaxLength(200);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => a.StaffMemberId).IsUnique();
        e.HasIndex(a => a.ResidentId).IsUnique();

        // Identity's own index, made unique: an e-mail address belongs to one account (a resident may have none).
        e.HasIndex(a => a.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
    }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> e)
    {
        e.Property(s => s.Id).HasMaxLength(64);
        e.HasIndex(s => s.ExpiresAtUtc);
        e.HasIndex(s => s.AccountId);
    }
}

internal sealed class ResidentInvitationConfiguration : IEntityTypeConfiguration<ResidentInvitation>
{
    public void Configure(EntityTypeBuilder<ResidentInvitation> e)
    {
        e.ToTable("ResidentInvitations");
        e.Property(i => i.CodeHash).HasMaxLength(64);
        e.HasIndex(i => i.CodeHash).IsUnique();
        e.HasIndex(i => i.ResidentId);
        e.Property(i => i.CreatedByName).HasMaxLength(300);
        e.HasOne<Resident>().WithMany().HasForeignKey(i => i.ResidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cases.Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MagicLinkConfiguration : IEntityTypeConfiguration<MagicLink>
{
    public void Configure(EntityTypeBuilder<MagicLink> e)
    {
        e.ToTable("MagicLinks");
        e.Property(l => l.TokenHash).HasMaxLength(64);
        e.HasIndex(l => l.TokenHash).IsUnique();
        e.HasIndex(l => new { l.AccountId, l.ExpiresAtUtc });
        e.HasIndex(l => l.ExpiresAtUtc);
        e.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
