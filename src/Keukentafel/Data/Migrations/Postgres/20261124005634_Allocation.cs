using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Allocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Service",
                table: "PlanActions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Offers",
                table: "Organisations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Organisations that existed before: what their type usually delivers, for an administrator to adjust.
            foreach (var type in Enum.GetValues<Keukentafel.Neighbourhoods.OrganisationType>())
            {
                migrationBuilder.Sql($"UPDATE \"Organisations\" SET \"Offers\" = {(int)Keukentafel.Neighbourhoods.ServicesText.TypicalServices(type)} WHERE \"Type\" = '{type}'");
            }

            migrationBuilder.AddColumn<Guid>(
                name: "DecisionId",
                table: "LedgerEntries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LawDomain",
                table: "LedgerEntries",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FinancingRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BudgetId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    RoomLeft = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShiftedFromOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinancingRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FinancingRequests_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FinancingRequests_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PreFinancings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BudgetId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Payer = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreFinancings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreFinancings_Budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FinancingRequests_BudgetId",
                table: "FinancingRequests",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_FinancingRequests_OneOpenPerAction",
                table: "FinancingRequests",
                column: "PlanActionId",
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_FinancingRequests_OrganisationId_Status",
                table: "FinancingRequests",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FinancingRequests_PlanActionId",
                table: "FinancingRequests",
                column: "PlanActionId");

            migrationBuilder.CreateIndex(
                name: "IX_PreFinancings_BudgetId",
                table: "PreFinancings",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_PreFinancings_PlanActionId",
                table: "PreFinancings",
                column: "PlanActionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FinancingRequests");

            migrationBuilder.DropTable(
                name: "PreFinancings");

            migrationBuilder.DropColumn(
                name: "Service",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "Offers",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "DecisionId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "LawDomain",
                table: "LedgerEntries");
        }
    }
}
