using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LedgerReasonsAnonymised : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the ledger stays append-only, except that anonymisation may remove what was typed as a reason.
            migrationBuilder.Sql("""
                CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND NEW."Reason" = '[verwijderd]' AND (to_jsonb(NEW) - 'Reason') = (to_jsonb(OLD) - 'Reason') THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION '% are append-only.', TG_TABLE_NAME;
                END $$;
                """);
            migrationBuilder.Sql("DROP TRIGGER \"LedgerEntries_append_only\" ON \"LedgerEntries\";");
            migrationBuilder.Sql("CREATE TRIGGER \"LedgerEntries_append_only\" BEFORE UPDATE OR DELETE ON \"LedgerEntries\" "
                + "FOR EACH ROW EXECUTE FUNCTION ledger_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"LedgerEntries_append_only\" ON \"LedgerEntries\";");
            migrationBuilder.Sql("CREATE TRIGGER \"LedgerEntries_append_only\" BEFORE UPDATE OR DELETE ON \"LedgerEntries\" "
                + "FOR EACH ROW EXECUTE FUNCTION budget_append_only();");
            migrationBuilder.Sql("DROP FUNCTION ledger_append_only();");
        }
    }
}
