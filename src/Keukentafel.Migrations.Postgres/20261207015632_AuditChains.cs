using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_AuditEvents_Sequence", table: "AuditEvents");

            migrationBuilder.AddColumn<Guid>(name: "ChainId", table: "AuditEvents", type: "uuid", nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(name: "AuditChains", columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Writer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChains", x => x.Id);
                });

            migrationBuilder.CreateTable(name: "AuditCheckpoints", columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HeadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            // Written by hand: the events written before every writer had its own chain form one chain, the legacy one.
            migrationBuilder.Sql("""
                INSERT INTO "AuditChains" ("Id", "Writer", "StartedAtUtc")
                SELECT '00000000-0000-0000-0000-000000000000'::uuid, 'one chain (before a chain per writer)', MIN("AtUtc")
                FROM "AuditEvents" HAVING COUNT(*) > 0;
                """);
            // Chains and checkpoints are kept like the events: never changed; a checkpoint goes only with its purged events.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_chains_kept() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Audit chains are append-only.';
                END $$;
                CREATE TRIGGER audit_chains_kept BEFORE UPDATE OR DELETE ON "AuditChains" FOR EACH ROW EXECUTE FUNCTION audit_chains_kept();
                CREATE FUNCTION audit_checkpoints_kept() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        RAISE EXCEPTION 'Audit checkpoints are append-only.';
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM "AuditPurges" p WHERE OLD."HeadAtUtc" < p."BeforeUtc") THEN
                        RAISE EXCEPTION 'Audit checkpoints are kept for their retention period.';
                    END IF;
                    RETURN OLD;
                END $$;
                CREATE TRIGGER audit_checkpoints_kept BEFORE UPDATE OR DELETE ON "AuditCheckpoints" FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_kept();
                """);

            migrationBuilder.CreateIndex(name: "IX_AuditEvents_ChainId_Sequence", table: "AuditEvents", columns: new[] { "ChainId", "Sequence" }, unique: true);

            migrationBuilder.CreateIndex(name: "IX_AuditCheckpoints_ChainId_Sequence", table: "AuditCheckpoints", columns: new[] { "ChainId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "AuditChains");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_chains_kept();");

            migrationBuilder.DropTable(name: "AuditCheckpoints");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_checkpoints_kept();");

            migrationBuilder.DropIndex(name: "IX_AuditEvents_ChainId_Sequence", table: "AuditEvents");

            migrationBuilder.DropColumn(name: "ChainId", table: "AuditEvents");

            migrationBuilder.CreateIndex(name: "IX_AuditEvents_Sequence", table: "AuditEvents", column: "Sequence", unique: true);
        }
    }
}
