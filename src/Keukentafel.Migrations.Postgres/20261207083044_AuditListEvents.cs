using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditListEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "Shown", table: "AuditEvents", type: "text", nullable: true);

            migrationBuilder.CreateTable(name: "AuditIndexMarks", columns: table => new
                {
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditIndexMarks", x => x.ChainId);
                });

            migrationBuilder.CreateTable(name: "AuditShown", columns: table => new
                {
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditShown", x => new { x.ResidentId, x.AtUtc, x.EventId, x.CaseId });
                });

            // Written by hand: the index of list events is kept like the events it comes from (a removed row would hide a
            // look from the resident): never changed, removed only with its purged events.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_shown_kept() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        RAISE EXCEPTION 'Audit index rows are append-only.';
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM "AuditPurges" p WHERE OLD."AtUtc" < p."BeforeUtc") THEN
                        RAISE EXCEPTION 'Audit index rows are kept for their retention period.';
                    END IF;
                    RETURN OLD;
                END $$;
                CREATE TRIGGER audit_shown_kept BEFORE UPDATE OR DELETE ON "AuditShown" FOR EACH ROW EXECUTE FUNCTION audit_shown_kept();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "AuditIndexMarks");

            migrationBuilder.DropTable(name: "AuditShown");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_shown_kept();");

            migrationBuilder.DropColumn(name: "Shown", table: "AuditEvents");
        }
    }
}
