using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The budget's ledger, its contributions and pre-financings are append-only in the database itself:
            // balances are their sums, so a changed or deleted row would change history.
            foreach (var table in new[] { "LedgerEntries", "Contribution", "PreFinancings" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only.'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only.'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "LedgerEntries", "Contribution", "PreFinancings" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_update;");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_delete;");
            }
        }
    }
}
