using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorthSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WorthSharing",
                table: "PlanActions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WorthSharingAtUtc",
                table: "PlanActions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorthSharingByName",
                table: "PlanActions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_WorthSharingAtUtc",
                table: "PlanActions",
                column: "WorthSharingAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanActions_WorthSharingAtUtc",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "WorthSharing",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "WorthSharingAtUtc",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "WorthSharingByName",
                table: "PlanActions");
        }
    }
}
