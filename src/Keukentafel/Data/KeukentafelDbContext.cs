using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Meetings;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Keukentafel.Data;

/// <summary>
/// The unit of work of the whole application. Each database provider has its own subclass
/// (<see cref="SqliteKeukentafelDbContext"/>, <see cref="PostgresKeukentafelDbContext"/>) only so
/// that each keeps its own migrations; everything else injects this type.
/// </summary>
public abstract class KeukentafelDbContext(DbContextOptions options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Neighbourhood> Neighbourhoods => Set<Neighbourhood>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationNeighbourhood> OrganisationNeighbourhoods => Set<OrganisationNeighbourhood>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<StaffNeighbourhood> StaffNeighbourhoods => Set<StaffNeighbourhood>();
    public DbSet<StartupStep> StartupSteps => Set<StartupStep>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<ResidentInvitation> ResidentInvitations => Set<ResidentInvitation>();
    public DbSet<MagicLink> MagicLinks => Set<MagicLink>();
    public DbSet<Residents.TrustedPerson> TrustedPeople => Set<Residents.TrustedPerson>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseMember> CaseMembers => Set<CaseMember>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<RuleDeviation> RuleDeviations => Set<RuleDeviation>();
    public DbSet<Bottleneck> Bottlenecks => Set<Bottleneck>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditShown> AuditShown => Set<AuditShown>();
    public DbSet<AuditIndexMark> AuditIndexMarks => Set<AuditIndexMark>();
    public DbSet<AuditPurge> AuditPurges => Set<AuditPurge>();
    public DbSet<AuditChain> AuditChains => Set<AuditChain>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<BreakGlass> BreakGlasses => Set<BreakGlass>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<Anonymisation> Anonymisations => Set<Anonymisation>();
    public DbSet<Effects.WellbeingMeasurement> WellbeingMeasurements => Set<Effects.WellbeingMeasurement>();
    public DbSet<Effects.NeighbourhoodPrice> NeighbourhoodPrices => Set<Effects.NeighbourhoodPrice>();
    public DbSet<Effects.MicroAnalysis> MicroAnalyses => Set<Effects.MicroAnalysis>();
    public DbSet<Effects.CostCatalogueVersion> CostCatalogueVersions => Set<Effects.CostCatalogueVersion>();
    public DbSet<Budget.NeighbourhoodBudget> Budgets => Set<Budget.NeighbourhoodBudget>();
    public DbSet<Budget.LedgerEntry> LedgerEntries => Set<Budget.LedgerEntry>();
    public DbSet<Budget.RoomLock> RoomLocks => Set<Budget.RoomLock>();
    public DbSet<Budget.FinancingRequest> FinancingRequests => Set<Budget.FinancingRequest>();
    public DbSet<Budget.RoomShiftAsk> RoomShiftAsks => Set<Budget.RoomShiftAsk>();
    public DbSet<Budget.PreFinancing> PreFinancings => Set<Budget.PreFinancing>();
    public DbSet<Learning.LearningSession> LearningSessions => Set<Learning.LearningSession>();
    public DbSet<Learning.Lesson> Lessons => Set<Learning.Lesson>();
    public DbSet<Learning.CollectiveInitiative> CollectiveInitiatives => Set<Learning.CollectiveInitiative>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Web.IdempotentRequest> IdempotentRequests => Set<Web.IdempotentRequest>();
    public DbSet<Mail.QueuedMail> QueuedMails => Set<Mail.QueuedMail>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentitySchema.Services);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KeukentafelDbContext).Assembly);

        // Identifiers are made by the domain (Guid version 7), never by the database.
        foreach (var key in builder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<IMutableKey>())
        {
            if (key.Properties is [{ ClrType: var type } property] && type == typeof(Guid))
            {
                property.ValueGenerated = ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is decimal euros with cents.
        configurationBuilder.Properties<decimal>().HavePrecision(14, 2);
    }
}
