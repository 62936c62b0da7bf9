using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Neighbourhoods;

// How the neighbourhood model is stored.

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> e)
    {
        e.Property(m => m.Name).HasMaxLength(200);
        e.Property(m => m.Code).HasMaxLength(20);
        e.HasIndex(m => m.Code).IsUnique();
        e.HasMany(m => m.Neighbourhoods).WithOne(n => n.Municipality).HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NeighbourhoodConfiguration : IEntityTypeConfiguration<Neighbourhood>
{
    public void Configure(EntityTypeBuilder<Neighbourhood> e)
    {
        e.Property(n => n.Name).HasMaxLength(200);
        e.Property(n => n.Code).HasMaxLength(20);
        e.HasIndex(n => n.Code).IsUnique();
        e.HasOne(n => n.Coordinator).WithMany().HasForeignKey(n => n.CoordinatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.Property(o => o.Name).HasMaxLength(200);
        e.HasIndex(o => o.Name).IsUnique();
        e.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        e.Property(o => o.Description).HasMaxLength(2000);
        e.HasOne(o => o.Ambassador).WithMany().HasForeignKey(o => o.AmbassadorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(o => o.Neighbourhoods).WithOne().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationNeighbourhoodConfiguration : IEntityTypeConfiguration<OrganisationNeighbourhood>
{
    public void Configure(EntityTypeBuilder<OrganisationNeighbourhood> e)
    {
        e.HasKey(x => new { x.OrganisationId, x.NeighbourhoodId });
        e.HasIndex(x => x.NeighbourhoodId);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.AmbassadorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Neighbourhood).WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> e)
    {
        e.ComplexProperty(s => s.Name, PersonNameColumns.Configure);
        e.Property(s => s.Function).HasConversion<string>().HasMaxLength(40);
        e.Property(s => s.Email).HasMaxLength(256);
        e.HasIndex(s => s.Email).IsUnique();
        e.Property(s => s.Phone).HasMaxLength(40);
        e.Property(s => s.JobTitle).HasMaxLength(200);
        e.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(s => s.WorkAreas).WithOne().HasForeignKey(w => w.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffNeighbourhoodConfiguration : IEntityTypeConfiguration<StaffNeighbourhood>
{
    public void Configure(EntityTypeBuilder<StaffNeighbourhood> e)
    {
        e.HasKey(x => new { x.StaffMemberId, x.NeighbourhoodId });
        e.HasIndex(x => x.NeighbourhoodId);
        e.HasOne(x => x.Neighbourhood).WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> e)
    {
        e.ComplexProperty(r => r.Name, PersonNameColumns.Configure);
        e.ComplexProperty(r => r.Address, a =>
        {
            a.Property(x => x.Street).HasColumnName("Street").HasMaxLength(200);
            a.Property(x => x.HouseNumber).HasColumnName("HouseNumber").HasMaxLength(20);
            a.Property(x => x.PostalCode).HasColumnName("PostalCode").HasMaxLength(7);
            a.Property(x => x.Town).HasColumnName("Town").HasMaxLength(100);
        });
        e.Property(r => r.SearchKey).HasMaxLength(NameSearch.MaxKeyLength);
        e.Property(r => r.Phone).HasMaxLength(40);
        e.Property(r => r.Email).HasMaxLength(256);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne(r => r.Neighbourhood).WithMany().HasForeignKey(r => r.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => r.NeighbourhoodId);
    }
}

internal static class PersonNameColumns
{
    public static void Configure(ComplexPropertyBuilder<PersonName> name)
    {
        name.Property(n => n.Given).HasColumnName("GivenName").HasMaxLength(100);
        name.Property(n => n.Prefix).HasColumnName("FamilyNamePrefix").HasMaxLength(20);
        name.Property(n => n.Family).HasColumnName("FamilyName").HasMaxLength(100);
    }
}

internal sealed class StartupStepConfiguration : IEntityTypeConfiguration<StartupStep>
{
    public void Configure(EntityTypeBuilder<StartupStep> e)
    {
        e.ToTable("StartupSteps");
        e.HasOne<Neighbourhood>().WithMany().HasForeignKey(s => s.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(s => new { s.NeighbourhoodId, s.Order });
        e.Property(s => s.Text).HasMaxLength(1_000);
        e.Property(s => s.OwnerName).HasMaxLength(300);
        e.Property(s => s.ChangedByName).HasMaxLength(300);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Version).IsConcurrencyToken();
    }
}
