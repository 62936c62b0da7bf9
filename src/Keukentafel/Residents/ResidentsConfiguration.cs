using Keukentafel.Accounts;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Residents;

internal sealed class TrustedPersonConfiguration : IEntityTypeConfiguration<TrustedPerson>
{
    public void Configure(EntityTypeBuilder<TrustedPerson> e)
    {
        e.ToTable("TrustedPeople");
        e.Property(t => t.Name).HasMaxLength(200);
        e.Property(t => t.Relation).HasMaxLength(100);
        e.Property(t => t.CodeHash).HasMaxLength(64);
        e.Property(t => t.GivenBy).HasMaxLength(300);
        e.Property(t => t.WithdrawnBy).HasMaxLength(300);
        e.HasIndex(t => t.CodeHash).IsUnique();
        e.HasIndex(t => t.ResidentId);
        e.HasIndex(t => t.AccountId);
        e.HasOne<Resident>().WithMany().HasForeignKey(t => t.ResidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
