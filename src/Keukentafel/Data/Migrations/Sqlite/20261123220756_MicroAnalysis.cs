using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MicroAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MicroAnalyses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HorizonMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExistingCare = table.Column<bool>(type: "INTEGER", nullable: false),
                    Assumptions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    LockedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LockedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MicroAnalyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MicroAnalyses_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeighbourhoodPrices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PriceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SetAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeighbourhoodPrices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeighbourhoodPrices_Neighbourhoods_NeighbourhoodId",
                        column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnalysisLine",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PlanActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Probability = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    FromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    ToMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    LawDomain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Payer = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    PriceSource = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PriceEstimate = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemovedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnalysisLine_MicroAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "MicroAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnalysisLine_AnalysisId",
                table: "AnalysisLine",
                column: "AnalysisId");

            migrationBuilder.CreateIndex(
                name: "IX_MicroAnalyses_CaseId",
                table: "MicroAnalyses",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeighbourhoodPrices_NeighbourhoodId_ItemCode_SetAtUtc",
                table: "NeighbourhoodPrices",
                columns: new[] { "NeighbourhoodId", "ItemCode", "SetAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnalysisLine");

            migrationBuilder.DropTable(
                name: "NeighbourhoodPrices");

            migrationBuilder.DropTable(
                name: "MicroAnalyses");
        }
    }
}
