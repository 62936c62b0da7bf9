using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NeighbourhoodStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AmbassadorId",
                table: "OrganisationNeighbourhoods",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartedOn",
                table: "Neighbourhoods",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StartupSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StartupSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StartupSteps_Neighbourhoods_NeighbourhoodId",
                        column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationNeighbourhoods_AmbassadorId",
                table: "OrganisationNeighbourhoods",
                column: "AmbassadorId");

            migrationBuilder.CreateIndex(
                name: "IX_StartupSteps_NeighbourhoodId_Order",
                table: "StartupSteps",
                columns: new[] { "NeighbourhoodId", "Order" });

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationNeighbourhoods_StaffMembers_AmbassadorId",
                table: "OrganisationNeighbourhoods",
                column: "AmbassadorId",
                principalTable: "StaffMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationNeighbourhoods_StaffMembers_AmbassadorId",
                table: "OrganisationNeighbourhoods");

            migrationBuilder.DropTable(
                name: "StartupSteps");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationNeighbourhoods_AmbassadorId",
                table: "OrganisationNeighbourhoods");

            migrationBuilder.DropColumn(
                name: "AmbassadorId",
                table: "OrganisationNeighbourhoods");

            migrationBuilder.DropColumn(
                name: "StartedOn",
                table: "Neighbourhoods");
        }
    }
}
