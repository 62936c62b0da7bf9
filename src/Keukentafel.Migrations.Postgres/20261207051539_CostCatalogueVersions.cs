using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CostCatalogueVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(name: "CostCatalogueVersions", columns: table => new
                {
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Published = table.Column<DateOnly>(type: "date", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    File = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    LoadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostCatalogueVersions", x => x.Version);
                });

            // Written by hand: a delivered version is never changed or removed (a changed price is a new version).
            migrationBuilder.Sql("""
                CREATE FUNCTION cost_catalogue_versions_kept() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'Cost catalogue versions are never changed or removed: a changed price is a new version.';
                END $$;
                CREATE TRIGGER cost_catalogue_versions_kept BEFORE UPDATE OR DELETE ON "CostCatalogueVersions"
                FOR EACH ROW EXECUTE FUNCTION cost_catalogue_versions_kept();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "CostCatalogueVersions");

            migrationBuilder.Sql("DROP FUNCTION cost_catalogue_versions_kept();");
        }
    }
}
