using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WorthSharingAtUtc",
                table: "PlanActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorthSharingByName",
                table: "PlanActions",
                type: "TEXT",
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
