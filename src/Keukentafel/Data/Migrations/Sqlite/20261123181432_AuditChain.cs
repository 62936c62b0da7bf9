using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AuditPurges",
                columns: table => new
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

            // Events written before the chain existed get their place in the order they were written.
            migrationBuilder.Sql("UPDATE AuditEvents SET Sequence = (SELECT COUNT(*) FROM AuditEvents earlier WHERE earlier.rowid <= AuditEvents.rowid);");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true);

            // Append-only in the database itself: no update ever, a delete only when a recorded purge covers the event.
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditPurges_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditPurges_no_update;");

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
