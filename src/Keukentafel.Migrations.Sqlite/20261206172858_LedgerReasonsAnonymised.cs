using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerReasonsAnonymised : Migration
    {
        /// <summary>Every column of the ledger but the reason: none of them may ever change.</summary>
        private const string Figures = "Id, BudgetId, OrganisationId, Year, Kind, Amount, CaseId, PlanActionId, LawDomain, DecisionId, ById, ByName, AtUtc";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the ledger stays append-only, except that anonymisation may remove what was typed as a reason.
            migrationBuilder.Sql("DROP TRIGGER LedgerEntries_no_update;");
            migrationBuilder.Sql($"""
                CREATE TRIGGER LedgerEntries_no_update BEFORE UPDATE OF {Figures} ON LedgerEntries
                BEGIN SELECT RAISE(ABORT, 'LedgerEntries are append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER LedgerEntries_reason_removed_only BEFORE UPDATE OF Reason ON LedgerEntries
                WHEN NEW.Reason IS NOT '[verwijderd]'
                BEGIN SELECT RAISE(ABORT, 'LedgerEntries are append-only: a reason can only be removed.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER LedgerEntries_reason_removed_only;");
            migrationBuilder.Sql("DROP TRIGGER LedgerEntries_no_update;");
            migrationBuilder.Sql(
                "CREATE TRIGGER LedgerEntries_no_update BEFORE UPDATE ON LedgerEntries BEGIN SELECT RAISE(ABORT, 'LedgerEntries are append-only.'); END;");
        }
    }
}
