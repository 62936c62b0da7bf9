using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LedgerAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The budget's ledger, its contributions and pre-financings are append-only in the database itself:
            // balances are their sums, so a changed or deleted row would change history.
            migrationBuilder.Sql("""
                CREATE FUNCTION budget_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% are append-only.', TG_TABLE_NAME;
                END $$;
                """);
            foreach (var table in new[] { "LedgerEntries", "Contribution", "PreFinancings" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION budget_append_only();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "LedgerEntries", "Contribution", "PreFinancings" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_append_only\" ON \"{table}\";");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS budget_append_only();");
        }
    }
}
