using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BottleneckReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LawDomain",
                table: "RuleDeviations",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                table: "RuleDeviations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LawDomain",
                table: "Bottlenecks",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                table: "Bottlenecks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleDeviations_OrganisationId",
                table: "RuleDeviations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleDeviations_RecordedAtUtc",
                table: "RuleDeviations",
                column: "RecordedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Bottlenecks_OrganisationId",
                table: "Bottlenecks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Bottlenecks_RecordedAtUtc",
                table: "Bottlenecks",
                column: "RecordedAtUtc");

            migrationBuilder.AddForeignKey(
                name: "FK_Bottlenecks_Organisations_OrganisationId",
                table: "Bottlenecks",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RuleDeviations_Organisations_OrganisationId",
                table: "RuleDeviations",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Bottlenecks_Organisations_OrganisationId",
                table: "Bottlenecks");

            migrationBuilder.DropForeignKey(
                name: "FK_RuleDeviations_Organisations_OrganisationId",
                table: "RuleDeviations");

            migrationBuilder.DropIndex(
                name: "IX_RuleDeviations_OrganisationId",
                table: "RuleDeviations");

            migrationBuilder.DropIndex(
                name: "IX_RuleDeviations_RecordedAtUtc",
                table: "RuleDeviations");

            migrationBuilder.DropIndex(
                name: "IX_Bottlenecks_OrganisationId",
                table: "Bottlenecks");

            migrationBuilder.DropIndex(
                name: "IX_Bottlenecks_RecordedAtUtc",
                table: "Bottlenecks");

            migrationBuilder.DropColumn(
                name: "LawDomain",
                table: "RuleDeviations");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "RuleDeviations");

            migrationBuilder.DropColumn(
                name: "LawDomain",
                table: "Bottlenecks");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Bottlenecks");
        }
    }
}
