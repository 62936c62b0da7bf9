using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CostCatalogueVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(name: "CostCatalogueVersions", columns: table => new
                {
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Published = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    File = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    LoadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostCatalogueVersions", x => x.Version);
                });

            // Written by hand: a delivered version is never changed or removed (a changed price is a new version).
            migrationBuilder.Sql("""
                CREATE TRIGGER CostCatalogueVersions_no_update BEFORE UPDATE ON CostCatalogueVersions
                BEGIN SELECT RAISE(ABORT, 'Cost catalogue versions are never changed: a changed price is a new version.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CostCatalogueVersions_no_delete BEFORE DELETE ON CostCatalogueVersions
                BEGIN SELECT RAISE(ABORT, 'Cost catalogue versions are kept.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "CostCatalogueVersions");
        }
    }
}
