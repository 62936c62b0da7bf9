using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_BudgetId_OrganisationId_Year",
                table: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_CaseId_AtUtc",
                table: "AuditEvents");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_BudgetId_Year_OrganisationId",
                table: "LedgerEntries",
                columns: new[] { "BudgetId", "Year", "OrganisationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_BudgetId_Year_OrganisationId",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_BudgetId_OrganisationId_Year",
                table: "LedgerEntries",
                columns: new[] { "BudgetId", "OrganisationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_CaseId_AtUtc",
                table: "AuditEvents",
                columns: new[] { "CaseId", "AtUtc" });
        }
    }
}
