using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(name: "Anonymisations", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Cases = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Anonymisations", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AspNetRoles", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AuditEvents", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Allowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AuditPurges", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeforeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPurges", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "BreakGlasses", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakGlasses", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "CaseNumberCounters", columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(name: "DataProtectionKeys", columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "Municipalities", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "RoomLocks", columns: table => new
                {
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomLocks", x => new { x.BudgetId, x.OrganisationId, x.Year });
                });

            migrationBuilder.CreateTable(name: "SignInSessions", columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastRenewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AspNetRoleClaims", columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(name: "FK_AspNetRoleClaims_AspNetRoles_RoleId", column: x => x.RoleId, principalTable: "AspNetRoles",
                        principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "AnalysisLine", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PlanActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Probability = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    FromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ToMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    LawDomain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Payer = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    PriceSource = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PriceEstimate = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemovedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisLine", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AspNetUserClaims", columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AspNetUserLogins", columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                });

            migrationBuilder.CreateTable(name: "AspNetUserPasskeys", columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                });

            migrationBuilder.CreateTable(name: "AspNetUserRoles", columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(name: "FK_AspNetUserRoles_AspNetRoles_RoleId", column: x => x.RoleId, principalTable: "AspNetRoles", principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "AspNetUsers", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AspNetUserTokens", columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(name: "FK_AspNetUserTokens_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers",
                        principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "MagicLinks", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MagicLinks", x => x.Id);
                    table.ForeignKey(name: "FK_MagicLinks_AspNetUsers_AccountId", column: x => x.AccountId, principalTable: "AspNetUsers",
                        principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "Bottlenecks", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LawDomain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bottlenecks", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "Budgets", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "LedgerEntries", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LawDomain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(name: "FK_LedgerEntries_Budgets_BudgetId", column: x => x.BudgetId, principalTable: "Budgets", principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "PreFinancings", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Payer = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreFinancings", x => x.Id);
                    table.ForeignKey(name: "FK_PreFinancings_Budgets_BudgetId", column: x => x.BudgetId, principalTable: "Budgets", principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "CaseAnswer", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Domains = table.Column<int>(type: "INTEGER", nullable: false),
                    WithResident = table.Column<bool>(type: "INTEGER", nullable: false),
                    WrittenByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WrittenByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAnswer", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "CaseEvents", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "CaseMembers", columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMembers", x => new { x.CaseId, x.StaffMemberId });
                });

            migrationBuilder.CreateTable(name: "Cases", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SourceDetail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SignalledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CaseBringerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LifeDomains = table.Column<int>(type: "INTEGER", nullable: false),
                    SolutionCarriedOutAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvaluatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoContributionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    LastChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FollowUpDue = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "Meetings", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlannedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AtHome = table.Column<bool>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReasonNotAtHome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PlanAgreedByAll = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(name: "FK_Meetings_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "MicroAnalyses", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HorizonMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExistingCare = table.Column<bool>(type: "INTEGER", nullable: false),
                    Assumptions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    LockedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LockedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MicroAnalyses", x => x.Id);
                    table.ForeignKey(name: "FK_MicroAnalyses_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "NetworkMember", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMember", x => x.Id);
                    table.ForeignKey(name: "FK_NetworkMember_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "WellbeingMeasurements", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Moment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mark = table.Column<decimal>(type: "TEXT", precision: 3, scale: 1, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WellbeingMeasurements", x => x.Id);
                    table.ForeignKey(name: "FK_WellbeingMeasurements_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "WellbeingScores", columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    MeasurementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WellbeingScores", x => new { x.MeasurementId, x.Dimension });
                    table.ForeignKey(name: "FK_WellbeingScores_WellbeingMeasurements_MeasurementId", column: x => x.MeasurementId,
                        principalTable: "WellbeingMeasurements", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "CollectiveInitiatives", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RunByResidents = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BudgetPerYear = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    FromNeighbourhoodBudget = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveInitiatives", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "InitiativeMeasures", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Week = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visitors = table.Column<int>(type: "INTEGER", nullable: true),
                    Volunteers = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidentsGivingBack = table.Column<int>(type: "INTEGER", nullable: true),
                    Activities = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeMeasures", x => x.Id);
                    table.ForeignKey(name: "FK_InitiativeMeasures_CollectiveInitiatives_InitiativeId", column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "Consents", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GivenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(name: "FK_Consents_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "Contribution", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Contributor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LawDomain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contribution", x => x.Id);
                    table.ForeignKey(name: "FK_Contribution_Budgets_BudgetId", column: x => x.BudgetId, principalTable: "Budgets", principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "FinancingRequests", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    RoomLeft = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PreFinancedFor = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ShiftedFromOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinancingRequests", x => x.Id);
                    table.ForeignKey(name: "FK_FinancingRequests_Budgets_BudgetId", column: x => x.BudgetId, principalTable: "Budgets", principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "LearningSessionParticipants", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningSessionParticipants", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "LearningSessions", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MinutesChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MinutesChangedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "LessonCases", columns: table => new
                {
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonCases", x => new { x.LessonId, x.CaseId });
                    table.ForeignKey(name: "FK_LessonCases_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "Lessons", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusChangedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lessons", x => x.Id);
                    table.ForeignKey(name: "FK_Lessons_LearningSessions_SessionId", column: x => x.SessionId, principalTable: "LearningSessions",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "MeetingParticipant", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NetworkMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Agreement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgreementRecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AgreementRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipant", x => x.Id);
                    table.ForeignKey(name: "FK_MeetingParticipant_Meetings_MeetingId", column: x => x.MeetingId, principalTable: "Meetings",
                        principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(name: "NeighbourhoodPrices", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PriceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SetAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeighbourhoodPrices", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "Neighbourhoods", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Inhabitants = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoordinatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UsesPositiveHealth = table.Column<bool>(type: "INTEGER", nullable: false),
                    UsesZrm = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpMonths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Neighbourhoods", x => x.Id);
                    table.ForeignKey(name: "FK_Neighbourhoods_Municipalities_MunicipalityId", column: x => x.MunicipalityId, principalTable: "Municipalities",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "Residents", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AnonymisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HouseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyNamePrefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residents", x => x.Id);
                    table.ForeignKey(name: "FK_Residents_Neighbourhoods_NeighbourhoodId", column: x => x.NeighbourhoodId, principalTable: "Neighbourhoods",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "StartupSteps", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StartupSteps", x => x.Id);
                    table.ForeignKey(name: "FK_StartupSteps_Neighbourhoods_NeighbourhoodId", column: x => x.NeighbourhoodId, principalTable: "Neighbourhoods",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "ResidentInvitations", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentInvitations", x => x.Id);
                    table.ForeignKey(name: "FK_ResidentInvitations_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(name: "FK_ResidentInvitations_Residents_ResidentId", column: x => x.ResidentId, principalTable: "Residents",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "TrustedPeople", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GivenBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    GivenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LinkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedPeople", x => x.Id);
                    table.ForeignKey(name: "FK_TrustedPeople_AspNetUsers_AccountId", column: x => x.AccountId, principalTable: "AspNetUsers",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(name: "FK_TrustedPeople_Residents_ResidentId", column: x => x.ResidentId, principalTable: "Residents",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "OrganisationNeighbourhoods", columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmbassadorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationNeighbourhoods", x => new { x.OrganisationId, x.NeighbourhoodId });
                    table.ForeignKey(name: "FK_OrganisationNeighbourhoods_Neighbourhoods_NeighbourhoodId", column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "Organisations", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AmbassadorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Covers = table.Column<int>(type: "INTEGER", nullable: false),
                    Offers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "StaffMembers", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Function = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyNamePrefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(name: "FK_StaffMembers_Organisations_OrganisationId", column: x => x.OrganisationId, principalTable: "Organisations",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "PlanActions", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CarrierName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CarrierStaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CarrierOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Service = table.Column<int>(type: "INTEGER", nullable: false),
                    LawDomain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ExpectedCost = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DropReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsContribution = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorthSharing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WorthSharingByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WorthSharingAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.ForeignKey(name: "FK_PlanActions_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(name: "FK_PlanActions_CollectiveInitiatives_InitiativeId", column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(name: "FK_PlanActions_Organisations_CarrierOrganisationId", column: x => x.CarrierOrganisationId,
                        principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(name: "FK_PlanActions_StaffMembers_CarrierStaffMemberId", column: x => x.CarrierStaffMemberId,
                        principalTable: "StaffMembers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "RuleDeviations", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LawDomain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Otherwise = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OtherwiseCost = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    ManagerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManagerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BackedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleDeviations", x => x.Id);
                    table.ForeignKey(name: "FK_RuleDeviations_Cases_CaseId", column: x => x.CaseId, principalTable: "Cases", principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(name: "FK_RuleDeviations_Organisations_OrganisationId", column: x => x.OrganisationId, principalTable: "Organisations",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(name: "FK_RuleDeviations_StaffMembers_ManagerId", column: x => x.ManagerId, principalTable: "StaffMembers",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(name: "StaffNeighbourhoods", columns: table => new
                {
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffNeighbourhoods", x => new { x.StaffMemberId, x.NeighbourhoodId });
                    table.ForeignKey(name: "FK_StaffNeighbourhoods_Neighbourhoods_NeighbourhoodId", column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(name: "FK_StaffNeighbourhoods_StaffMembers_StaffMemberId", column: x => x.StaffMemberId, principalTable: "StaffMembers",
                        principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(name: "IX_AnalysisLine_AnalysisId", table: "AnalysisLine", column: "AnalysisId");

            migrationBuilder.CreateIndex(name: "IX_Anonymisations_ResidentId", table: "Anonymisations", column: "ResidentId");

            migrationBuilder.CreateIndex(name: "IX_AspNetRoleClaims_RoleId", table: "AspNetRoleClaims", column: "RoleId");

            migrationBuilder.CreateIndex(name: "RoleNameIndex", table: "AspNetRoles", column: "NormalizedName", unique: true);

            migrationBuilder.CreateIndex(name: "IX_AspNetUserClaims_UserId", table: "AspNetUserClaims", column: "UserId");

            migrationBuilder.CreateIndex(name: "IX_AspNetUserLogins_UserId", table: "AspNetUserLogins", column: "UserId");

            migrationBuilder.CreateIndex(name: "IX_AspNetUserPasskeys_UserId", table: "AspNetUserPasskeys", column: "UserId");

            migrationBuilder.CreateIndex(name: "IX_AspNetUserRoles_RoleId", table: "AspNetUserRoles", column: "RoleId");

            migrationBuilder.CreateIndex(name: "EmailIndex", table: "AspNetUsers", column: "NormalizedEmail", unique: true);

            migrationBuilder.CreateIndex(name: "IX_AspNetUsers_ResidentId", table: "AspNetUsers", column: "ResidentId", unique: true);

            migrationBuilder.CreateIndex(name: "IX_AspNetUsers_StaffMemberId", table: "AspNetUsers", column: "StaffMemberId", unique: true);

            migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName", unique: true);

            migrationBuilder.CreateIndex(name: "IX_AuditEvents_ResidentId_AtUtc", table: "AuditEvents", columns: new[] { "ResidentId", "AtUtc" });

            migrationBuilder.CreateIndex(name: "IX_AuditEvents_Sequence", table: "AuditEvents", column: "Sequence", unique: true);

            migrationBuilder.CreateIndex(name: "IX_Bottlenecks_CaseId", table: "Bottlenecks", column: "CaseId");

            migrationBuilder.CreateIndex(name: "IX_Bottlenecks_OrganisationId", table: "Bottlenecks", column: "OrganisationId");

            migrationBuilder.CreateIndex(name: "IX_Bottlenecks_RecordedAtUtc", table: "Bottlenecks", column: "RecordedAtUtc");

            migrationBuilder.CreateIndex(name: "IX_BreakGlasses_CaseId_StaffMemberId_ValidUntilUtc", table: "BreakGlasses",
                columns: new[] { "CaseId", "StaffMemberId", "ValidUntilUtc" });

            migrationBuilder.CreateIndex(name: "IX_Budgets_NeighbourhoodId", table: "Budgets", column: "NeighbourhoodId");

            migrationBuilder.CreateIndex(name: "IX_CaseAnswer_CaseId_Question_WrittenAtUtc", table: "CaseAnswer",
                columns: new[] { "CaseId", "Question", "WrittenAtUtc" });

            migrationBuilder.CreateIndex(name: "IX_CaseEvents_CaseId_Version", table: "CaseEvents", columns: new[] { "CaseId", "Version" }, unique: true);

            migrationBuilder.CreateIndex(name: "IX_CaseMembers_StaffMemberId_IsOpen_Deadline_CaseId", table: "CaseMembers",
                columns: new[] { "StaffMemberId", "IsOpen", "Deadline", "CaseId" });

            migrationBuilder.CreateIndex(name: "IX_Cases_CaseBringerId_FollowUpDue", table: "Cases", columns: new[] { "CaseBringerId", "FollowUpDue" });

            migrationBuilder.CreateIndex(name: "IX_Cases_NeighbourhoodId_Status_Deadline_Id", table: "Cases",
                columns: new[] { "NeighbourhoodId", "Status", "Deadline", "Id" });

            migrationBuilder.CreateIndex(name: "IX_Cases_Number", table: "Cases", column: "Number", unique: true);

            migrationBuilder.CreateIndex(name: "IX_Cases_ResidentId", table: "Cases", column: "ResidentId");

            migrationBuilder.CreateIndex(name: "IX_CollectiveInitiatives_NeighbourhoodId_Name", table: "CollectiveInitiatives",
                columns: new[] { "NeighbourhoodId", "Name" });

            migrationBuilder.CreateIndex(name: "IX_CollectiveInitiatives_OrganisationId", table: "CollectiveInitiatives", column: "OrganisationId");

            migrationBuilder.CreateIndex(name: "IX_Consents_CaseId_OrganisationId", table: "Consents", columns: new[] { "CaseId", "OrganisationId" });

            migrationBuilder.CreateIndex(name: "IX_Consents_OrganisationId", table: "Consents", column: "OrganisationId");

            migrationBuilder.CreateIndex(name: "IX_Contribution_BudgetId", table: "Contribution", column: "BudgetId");

            migrationBuilder.CreateIndex(name: "IX_Contribution_OrganisationId", table: "Contribution", column: "OrganisationId");

            migrationBuilder.CreateIndex(name: "IX_FinancingRequests_BudgetId", table: "FinancingRequests", column: "BudgetId");

            migrationBuilder.CreateIndex(name: "IX_FinancingRequests_OneOpenPerAction", table: "FinancingRequests", column: "PlanActionId", unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(name: "IX_FinancingRequests_OrganisationId_Status", table: "FinancingRequests",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(name: "IX_FinancingRequests_PlanActionId", table: "FinancingRequests", column: "PlanActionId");

            migrationBuilder.CreateIndex(name: "IX_InitiativeMeasures_InitiativeId_Week", table: "InitiativeMeasures",
                columns: new[] { "InitiativeId", "Week" });

            migrationBuilder.CreateIndex(name: "IX_LearningSessionParticipants_SessionId", table: "LearningSessionParticipants", column: "SessionId");

            migrationBuilder.CreateIndex(name: "IX_LearningSessionParticipants_StaffMemberId", table: "LearningSessionParticipants", column: "StaffMemberId");

            migrationBuilder.CreateIndex(name: "IX_LearningSessions_NeighbourhoodId_Date", table: "LearningSessions",
                columns: new[] { "NeighbourhoodId", "Date" });

            migrationBuilder.CreateIndex(name: "IX_LedgerEntries_BudgetId_Year_OrganisationId", table: "LedgerEntries",
                columns: new[] { "BudgetId", "Year", "OrganisationId" });

            migrationBuilder.CreateIndex(name: "IX_LedgerEntries_PlanActionId", table: "LedgerEntries", column: "PlanActionId");

            migrationBuilder.CreateIndex(name: "IX_LessonCases_CaseId", table: "LessonCases", column: "CaseId");

            migrationBuilder.CreateIndex(name: "IX_Lessons_OwnerId", table: "Lessons", column: "OwnerId");

            migrationBuilder.CreateIndex(name: "IX_Lessons_SessionId_Status", table: "Lessons", columns: new[] { "SessionId", "Status" });

            migrationBuilder.CreateIndex(name: "IX_MagicLinks_AccountId_ExpiresAtUtc", table: "MagicLinks", columns: new[] { "AccountId", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(name: "IX_MagicLinks_ExpiresAtUtc", table: "MagicLinks", column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(name: "IX_MagicLinks_TokenHash", table: "MagicLinks", column: "TokenHash", unique: true);

            migrationBuilder.CreateIndex(name: "IX_MeetingParticipant_MeetingId", table: "MeetingParticipant", column: "MeetingId");

            migrationBuilder.CreateIndex(name: "IX_MeetingParticipant_StaffMemberId", table: "MeetingParticipant", column: "StaffMemberId");

            migrationBuilder.CreateIndex(name: "IX_Meetings_CaseId", table: "Meetings", column: "CaseId");

            migrationBuilder.CreateIndex(name: "IX_MicroAnalyses_CaseId", table: "MicroAnalyses", column: "CaseId", unique: true);

            migrationBuilder.CreateIndex(name: "IX_Municipalities_Code", table: "Municipalities", column: "Code", unique: true);

            migrationBuilder.CreateIndex(name: "IX_NeighbourhoodPrices_NeighbourhoodId_ItemCode_SetAtUtc", table: "NeighbourhoodPrices",
                columns: new[] { "NeighbourhoodId", "ItemCode", "SetAtUtc" });

            migrationBuilder.CreateIndex(name: "IX_Neighbourhoods_Code", table: "Neighbourhoods", column: "Code", unique: true);

            migrationBuilder.CreateIndex(name: "IX_Neighbourhoods_CoordinatorId", table: "Neighbourhoods", column: "CoordinatorId");

            migrationBuilder.CreateIndex(name: "IX_Neighbourhoods_MunicipalityId", table: "Neighbourhoods", column: "MunicipalityId");

            migrationBuilder.CreateIndex(name: "IX_NetworkMember_CaseId", table: "NetworkMember", column: "CaseId");

            migrationBuilder.CreateIndex(name: "IX_OrganisationNeighbourhoods_AmbassadorId", table: "OrganisationNeighbourhoods", column: "AmbassadorId");

            migrationBuilder.CreateIndex(name: "IX_OrganisationNeighbourhoods_NeighbourhoodId", table: "OrganisationNeighbourhoods", column: "NeighbourhoodId");

            migrationBuilder.CreateIndex(name: "IX_Organisations_AmbassadorId", table: "Organisations", column: "AmbassadorId");

            migrationBuilder.CreateIndex(name: "IX_Organisations_Name", table: "Organisations", column: "Name", unique: true);

            migrationBuilder.CreateIndex(name: "IX_PlanActions_CarrierOrganisationId", table: "PlanActions", column: "CarrierOrganisationId");

            migrationBuilder.CreateIndex(name: "IX_PlanActions_CarrierStaffMemberId", table: "PlanActions", column: "CarrierStaffMemberId");

            migrationBuilder.CreateIndex(name: "IX_PlanActions_CaseId", table: "PlanActions", column: "CaseId");

            migrationBuilder.CreateIndex(name: "IX_PlanActions_InitiativeId", table: "PlanActions", column: "InitiativeId");

            migrationBuilder.CreateIndex(name: "IX_PlanActions_WorthSharingAtUtc", table: "PlanActions", column: "WorthSharingAtUtc");

            migrationBuilder.CreateIndex(name: "IX_PreFinancings_BudgetId", table: "PreFinancings", column: "BudgetId");

            migrationBuilder.CreateIndex(name: "IX_PreFinancings_PlanActionId", table: "PreFinancings", column: "PlanActionId", unique: true);

            migrationBuilder.CreateIndex(name: "IX_ResidentInvitations_CaseId", table: "ResidentInvitations", column: "CaseId");

            migrationBuilder.CreateIndex(name: "IX_ResidentInvitations_CodeHash", table: "ResidentInvitations", column: "CodeHash", unique: true);

            migrationBuilder.CreateIndex(name: "IX_ResidentInvitations_ResidentId", table: "ResidentInvitations", column: "ResidentId");

            migrationBuilder.CreateIndex(name: "IX_Residents_NeighbourhoodId", table: "Residents", column: "NeighbourhoodId");

            migrationBuilder.CreateIndex(name: "IX_RuleDeviations_CaseId", table: "RuleDeviations", column: "CaseId");

            migrationBuilder.CreateIndex(name: "IX_RuleDeviations_ManagerId_BackedAtUtc", table: "RuleDeviations",
                columns: new[] { "ManagerId", "BackedAtUtc" });

            migrationBuilder.CreateIndex(name: "IX_RuleDeviations_OrganisationId", table: "RuleDeviations", column: "OrganisationId");

            migrationBuilder.CreateIndex(name: "IX_RuleDeviations_RecordedAtUtc", table: "RuleDeviations", column: "RecordedAtUtc");

            migrationBuilder.CreateIndex(name: "IX_SignInSessions_AccountId", table: "SignInSessions", column: "AccountId");

            migrationBuilder.CreateIndex(name: "IX_SignInSessions_ExpiresAtUtc", table: "SignInSessions", column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(name: "IX_StaffMembers_Email", table: "StaffMembers", column: "Email", unique: true);

            migrationBuilder.CreateIndex(name: "IX_StaffMembers_OrganisationId", table: "StaffMembers", column: "OrganisationId");

            migrationBuilder.CreateIndex(name: "IX_StaffNeighbourhoods_NeighbourhoodId", table: "StaffNeighbourhoods", column: "NeighbourhoodId");

            migrationBuilder.CreateIndex(name: "IX_StartupSteps_NeighbourhoodId_Order", table: "StartupSteps", columns: new[] { "NeighbourhoodId", "Order" });

            migrationBuilder.CreateIndex(name: "IX_TrustedPeople_AccountId", table: "TrustedPeople", column: "AccountId");

            migrationBuilder.CreateIndex(name: "IX_TrustedPeople_CodeHash", table: "TrustedPeople", column: "CodeHash", unique: true);

            migrationBuilder.CreateIndex(name: "IX_TrustedPeople_ResidentId", table: "TrustedPeople", column: "ResidentId");

            migrationBuilder.CreateIndex(name: "IX_WellbeingMeasurements_CaseId_Moment_RecordedAtUtc", table: "WellbeingMeasurements",
                columns: new[] { "CaseId", "Moment", "RecordedAtUtc" });

            migrationBuilder.AddForeignKey(name: "FK_AnalysisLine_MicroAnalyses_AnalysisId", table: "AnalysisLine", column: "AnalysisId",
                principalTable: "MicroAnalyses", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_AspNetUserClaims_AspNetUsers_UserId", table: "AspNetUserClaims", column: "UserId",
                principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_AspNetUserLogins_AspNetUsers_UserId", table: "AspNetUserLogins", column: "UserId",
                principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_AspNetUserPasskeys_AspNetUsers_UserId", table: "AspNetUserPasskeys", column: "UserId",
                principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_AspNetUserRoles_AspNetUsers_UserId", table: "AspNetUserRoles", column: "UserId",
                principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_AspNetUsers_Residents_ResidentId", table: "AspNetUsers", column: "ResidentId", principalTable: "Residents",
                principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_AspNetUsers_StaffMembers_StaffMemberId", table: "AspNetUsers", column: "StaffMemberId",
                principalTable: "StaffMembers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Bottlenecks_Cases_CaseId", table: "Bottlenecks", column: "CaseId", principalTable: "Cases",
                principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_Bottlenecks_Organisations_OrganisationId", table: "Bottlenecks", column: "OrganisationId",
                principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Budgets_Neighbourhoods_NeighbourhoodId", table: "Budgets", column: "NeighbourhoodId",
                principalTable: "Neighbourhoods", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_CaseAnswer_Cases_CaseId", table: "CaseAnswer", column: "CaseId", principalTable: "Cases",
                principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_CaseEvents_Cases_CaseId", table: "CaseEvents", column: "CaseId", principalTable: "Cases",
                principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_CaseMembers_Cases_CaseId", table: "CaseMembers", column: "CaseId", principalTable: "Cases",
                principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_CaseMembers_StaffMembers_StaffMemberId", table: "CaseMembers", column: "StaffMemberId",
                principalTable: "StaffMembers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Cases_Neighbourhoods_NeighbourhoodId", table: "Cases", column: "NeighbourhoodId",
                principalTable: "Neighbourhoods", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Cases_Residents_ResidentId", table: "Cases", column: "ResidentId", principalTable: "Residents",
                principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Cases_StaffMembers_CaseBringerId", table: "Cases", column: "CaseBringerId", principalTable: "StaffMembers",
                principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_CollectiveInitiatives_Neighbourhoods_NeighbourhoodId", table: "CollectiveInitiatives",
                column: "NeighbourhoodId", principalTable: "Neighbourhoods", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_CollectiveInitiatives_Organisations_OrganisationId", table: "CollectiveInitiatives",
                column: "OrganisationId", principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Consents_Organisations_OrganisationId", table: "Consents", column: "OrganisationId",
                principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Contribution_Organisations_OrganisationId", table: "Contribution", column: "OrganisationId",
                principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_FinancingRequests_Organisations_OrganisationId", table: "FinancingRequests", column: "OrganisationId",
                principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_LearningSessionParticipants_LearningSessions_SessionId", table: "LearningSessionParticipants",
                column: "SessionId", principalTable: "LearningSessions", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_LearningSessionParticipants_StaffMembers_StaffMemberId", table: "LearningSessionParticipants",
                column: "StaffMemberId", principalTable: "StaffMembers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_LearningSessions_Neighbourhoods_NeighbourhoodId", table: "LearningSessions", column: "NeighbourhoodId",
                principalTable: "Neighbourhoods", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_LessonCases_Lessons_LessonId", table: "LessonCases", column: "LessonId", principalTable: "Lessons",
                principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_Lessons_StaffMembers_OwnerId", table: "Lessons", column: "OwnerId", principalTable: "StaffMembers",
                principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_MeetingParticipant_StaffMembers_StaffMemberId", table: "MeetingParticipant", column: "StaffMemberId",
                principalTable: "StaffMembers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_NeighbourhoodPrices_Neighbourhoods_NeighbourhoodId", table: "NeighbourhoodPrices",
                column: "NeighbourhoodId", principalTable: "Neighbourhoods", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Neighbourhoods_StaffMembers_CoordinatorId", table: "Neighbourhoods", column: "CoordinatorId",
                principalTable: "StaffMembers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_OrganisationNeighbourhoods_Organisations_OrganisationId", table: "OrganisationNeighbourhoods",
                column: "OrganisationId", principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(name: "FK_OrganisationNeighbourhoods_StaffMembers_AmbassadorId", table: "OrganisationNeighbourhoods",
                column: "AmbassadorId", principalTable: "StaffMembers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(name: "FK_Organisations_StaffMembers_AmbassadorId", table: "Organisations", column: "AmbassadorId",
                principalTable: "StaffMembers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            // Written by hand: what the database itself keeps append-only, so that no code path can change history.
            // The audit log (NEN 7513): no update ever, a delete only when a recorded purge covers the event.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_no_update BEFORE UPDATE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'Audit events are append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_no_delete BEFORE DELETE ON AuditEvents
                WHEN NOT EXISTS (SELECT 1 FROM AuditPurges WHERE OLD.AtUtc < AuditPurges.BeforeUtc)
                BEGIN SELECT RAISE(ABORT, 'Audit events are kept for their retention period.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditPurges_no_delete BEFORE DELETE ON AuditPurges
                BEGIN SELECT RAISE(ABORT, 'Purges of the audit log are kept.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditPurges_no_update BEFORE UPDATE OF BeforeUtc, AtUtc, ByName ON AuditPurges
                BEGIN SELECT RAISE(ABORT, 'Purges of the audit log are kept.'); END;
                """);

            // The budget's ledger, its contributions and pre-financings: balances are their sums, so a changed or
            // deleted row would change history.
            foreach (var table in new[] { "LedgerEntries", "Contribution", "PreFinancings" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only.'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only.'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(name: "FK_Organisations_StaffMembers_AmbassadorId", table: "Organisations");

            migrationBuilder.DropTable(name: "AnalysisLine");

            migrationBuilder.DropTable(name: "Anonymisations");

            migrationBuilder.DropTable(name: "AspNetRoleClaims");

            migrationBuilder.DropTable(name: "AspNetUserClaims");

            migrationBuilder.DropTable(name: "AspNetUserLogins");

            migrationBuilder.DropTable(name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(name: "AspNetUserRoles");

            migrationBuilder.DropTable(name: "AspNetUserTokens");

            migrationBuilder.DropTable(name: "AuditEvents");

            migrationBuilder.DropTable(name: "AuditPurges");

            migrationBuilder.DropTable(name: "Bottlenecks");

            migrationBuilder.DropTable(name: "BreakGlasses");

            migrationBuilder.DropTable(name: "CaseAnswer");

            migrationBuilder.DropTable(name: "CaseEvents");

            migrationBuilder.DropTable(name: "CaseMembers");

            migrationBuilder.DropTable(name: "CaseNumberCounters");

            migrationBuilder.DropTable(name: "Consents");

            migrationBuilder.DropTable(name: "Contribution");

            migrationBuilder.DropTable(name: "DataProtectionKeys");

            migrationBuilder.DropTable(name: "FinancingRequests");

            migrationBuilder.DropTable(name: "InitiativeMeasures");

            migrationBuilder.DropTable(name: "LearningSessionParticipants");

            migrationBuilder.DropTable(name: "LedgerEntries");

            migrationBuilder.DropTable(name: "LessonCases");

            migrationBuilder.DropTable(name: "MagicLinks");

            migrationBuilder.DropTable(name: "MeetingParticipant");

            migrationBuilder.DropTable(name: "NeighbourhoodPrices");

            migrationBuilder.DropTable(name: "NetworkMember");

            migrationBuilder.DropTable(name: "OrganisationNeighbourhoods");

            migrationBuilder.DropTable(name: "PlanActions");

            migrationBuilder.DropTable(name: "PreFinancings");

            migrationBuilder.DropTable(name: "ResidentInvitations");

            migrationBuilder.DropTable(name: "RoomLocks");

            migrationBuilder.DropTable(name: "RuleDeviations");

            migrationBuilder.DropTable(name: "SignInSessions");

            migrationBuilder.DropTable(name: "StaffNeighbourhoods");

            migrationBuilder.DropTable(name: "StartupSteps");

            migrationBuilder.DropTable(name: "TrustedPeople");

            migrationBuilder.DropTable(name: "WellbeingScores");

            migrationBuilder.DropTable(name: "MicroAnalyses");

            migrationBuilder.DropTable(name: "AspNetRoles");

            migrationBuilder.DropTable(name: "Lessons");

            migrationBuilder.DropTable(name: "Meetings");

            migrationBuilder.DropTable(name: "CollectiveInitiatives");

            migrationBuilder.DropTable(name: "Budgets");

            migrationBuilder.DropTable(name: "AspNetUsers");

            migrationBuilder.DropTable(name: "WellbeingMeasurements");

            migrationBuilder.DropTable(name: "LearningSessions");

            migrationBuilder.DropTable(name: "Cases");

            migrationBuilder.DropTable(name: "Residents");

            migrationBuilder.DropTable(name: "Neighbourhoods");

            migrationBuilder.DropTable(name: "Municipalities");

            migrationBuilder.DropTable(name: "StaffMembers");

            migrationBuilder.DropTable(name: "Organisations");
        }
    }
}
