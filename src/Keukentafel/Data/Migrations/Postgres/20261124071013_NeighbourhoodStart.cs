using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartedOn",
                table: "Neighbourhoods",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StartupSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeighbourhoodId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
