using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditListEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "Shown", table: "AuditEvents", type: "TEXT", nullable: true);

            migrationBuilder.CreateTable(name: "AuditIndexMarks", columns: table => new
                {
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditIndexMarks", x => x.ChainId);
                });

            migrationBuilder.CreateTable(name: "AuditShown", columns: table => new
                {
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditShown", x => new { x.ResidentId, x.AtUtc, x.EventId, x.CaseId });
                });

            // Written by hand: the index of list events is kept like the events it comes from (a removed row would hide a
            // look from the resident): never changed, removed only with its purged events.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditShown_no_update BEFORE UPDATE ON AuditShown BEGIN SELECT RAISE(ABORT, 'Audit index rows are append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditShown_no_delete BEFORE DELETE ON AuditShown
                WHEN NOT EXISTS (SELECT 1 FROM AuditPurges WHERE OLD.AtUtc < AuditPurges.BeforeUtc)
                BEGIN SELECT RAISE(ABORT, 'Audit index rows are kept for their retention period.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "AuditIndexMarks");

            migrationBuilder.DropTable(name: "AuditShown");

            migrationBuilder.DropColumn(name: "Shown", table: "AuditEvents");
        }
    }
}
