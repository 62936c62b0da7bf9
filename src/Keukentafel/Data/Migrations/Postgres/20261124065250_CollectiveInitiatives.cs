using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CollectiveInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InitiativeId",
                table: "PlanActions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CollectiveInitiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RunByResidents = table.Column<bool>(type: "boolean", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    BudgetPerYear = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    FromNeighbourhoodBudget = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveInitiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectiveInitiatives_Neighbourhoods_NeighbourhoodId",
                        column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CollectiveInitiatives_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Week = table.Column<DateOnly>(type: "date", nullable: false),
                    Visitors = table.Column<int>(type: "integer", nullable: true),
                    Volunteers = table.Column<int>(type: "integer", nullable: true),
                    ResidentsGivingBack = table.Column<int>(type: "integer", nullable: true),
                    Activities = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InitiativeMeasures_CollectiveInitiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "CollectiveInitiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_InitiativeId",
                table: "PlanActions",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveInitiatives_NeighbourhoodId_Name",
                table: "CollectiveInitiatives",
                columns: new[] { "NeighbourhoodId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveInitiatives_OrganisationId",
                table: "CollectiveInitiatives",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeMeasures_InitiativeId_Week",
                table: "InitiativeMeasures",
                columns: new[] { "InitiativeId", "Week" });

            migrationBuilder.AddForeignKey(
                name: "FK_PlanActions_CollectiveInitiatives_InitiativeId",
                table: "PlanActions",
                column: "InitiativeId",
                principalTable: "CollectiveInitiatives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanActions_CollectiveInitiatives_InitiativeId",
                table: "PlanActions");

            migrationBuilder.DropTable(
                name: "InitiativeMeasures");

            migrationBuilder.DropTable(
                name: "CollectiveInitiatives");

            migrationBuilder.DropIndex(
                name: "IX_PlanActions_InitiativeId",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                table: "PlanActions");
        }
    }
}
