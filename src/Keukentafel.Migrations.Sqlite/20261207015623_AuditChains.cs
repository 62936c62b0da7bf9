using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_AuditEvents_Sequence", table: "AuditEvents");

            migrationBuilder.AddColumn<Guid>(name: "ChainId", table: "AuditEvents", type: "TEXT", nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(name: "AuditChains", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Writer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChains", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AuditCheckpoints", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HeadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            // Written by hand: the events written before every writer had its own chain form one chain, the legacy one.
            migrationBuilder.Sql("""
                INSERT INTO AuditChains (Id, Writer, StartedAtUtc)
                SELECT '00000000-0000-0000-0000-000000000000', 'one chain (before a chain per writer)', MIN(AtUtc) FROM AuditEvents HAVING COUNT(*) > 0;
                """);
            // Chains and checkpoints are kept like the events: never changed; a checkpoint goes only with its purged events.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditChains_no_update BEFORE UPDATE ON AuditChains BEGIN SELECT RAISE(ABORT, 'Audit chains are append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditChains_no_delete BEFORE DELETE ON AuditChains BEGIN SELECT RAISE(ABORT, 'Audit chains are append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditCheckpoints_no_update BEFORE UPDATE ON AuditCheckpoints
                BEGIN SELECT RAISE(ABORT, 'Audit checkpoints are append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditCheckpoints_no_delete BEFORE DELETE ON AuditCheckpoints
                WHEN NOT EXISTS (SELECT 1 FROM AuditPurges WHERE OLD.HeadAtUtc < AuditPurges.BeforeUtc)
                BEGIN SELECT RAISE(ABORT, 'Audit checkpoints are kept for their retention period.'); END;
                """);

            migrationBuilder.CreateIndex(name: "IX_AuditEvents_ChainId_Sequence", table: "AuditEvents", columns: new[] { "ChainId", "Sequence" }, unique: true);

            migrationBuilder.CreateIndex(name: "IX_AuditCheckpoints_ChainId_Sequence", table: "AuditCheckpoints", columns: new[] { "ChainId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "AuditChains");

            migrationBuilder.DropTable(name: "AuditCheckpoints");

            migrationBuilder.DropIndex(name: "IX_AuditEvents_ChainId_Sequence", table: "AuditEvents");

            migrationBuilder.DropColumn(name: "ChainId", table: "AuditEvents");

            migrationBuilder.CreateIndex(name: "IX_AuditEvents_Sequence", table: "AuditEvents", column: "Sequence", unique: true);
        }
    }
}
