using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AuditPurges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BeforeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Removed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPurges", x => x.Id);
                });

            // Events written before the chain existed get their place in the order they were written.
            migrationBuilder.Sql("""
                UPDATE "AuditEvents" SET "Sequence" = numbered.n
                FROM (SELECT "Id", row_number() OVER (ORDER BY "AtUtc", "Id") AS n FROM "AuditEvents") AS numbered
                WHERE "AuditEvents"."Id" = numbered."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true);

            // Append-only in the database itself: no update ever, a delete only when a recorded purge covers the event.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        RAISE EXCEPTION 'Audit events are append-only.';
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM "AuditPurges" p WHERE OLD."AtUtc" < p."BeforeUtc") THEN
                        RAISE EXCEPTION 'Audit events are kept for their retention period.';
                    END IF;
                    RETURN OLD;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_purges_kept() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' OR NEW."BeforeUtc" <> OLD."BeforeUtc" OR NEW."AtUtc" <> OLD."AtUtc" OR NEW."ByName" <> OLD."ByName" THEN
                        RAISE EXCEPTION 'Purges of the audit log are kept.';
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_purges_kept BEFORE UPDATE OR DELETE ON "AuditPurges"
                FOR EACH ROW EXECUTE FUNCTION audit_purges_kept();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_events_append_only ON "AuditEvents";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_events_append_only();");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_purges_kept ON "AuditPurges";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_purges_kept();");

            migrationBuilder.DropTable(
                name: "AuditPurges");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEvents");
        }
    }
}
