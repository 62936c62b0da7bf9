using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wellbeing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CaseBringerId",
                table: "Cases");

            migrationBuilder.AddColumn<int>(
                name: "FollowUpMonths",
                table: "Neighbourhoods",
                type: "integer",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<bool>(
                name: "UsesPositiveHealth",
                table: "Neighbourhoods",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "UsesZrm",
                table: "Neighbourhoods",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpDue",
                table: "Cases",
                type: "date",
                nullable: true);

            // Cases closed before this migration get their follow-up scheduled: six months after closing (the default).
            migrationBuilder.Sql(
                "UPDATE \"Cases\" SET \"FollowUpDue\" = ((\"ClosedAtUtc\" AT TIME ZONE 'Europe/Amsterdam')::date + interval '6 months')::date WHERE \"Status\" = 'Closed' AND \"ClosedAtUtc\" IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "WellbeingMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Moment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mark = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WellbeingMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WellbeingMeasurements_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WellbeingScores",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    MeasurementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WellbeingScores", x => new { x.MeasurementId, x.Dimension });
                    table.ForeignKey(
                        name: "FK_WellbeingScores_WellbeingMeasurements_MeasurementId",
                        column: x => x.MeasurementId,
                        principalTable: "WellbeingMeasurements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseBringerId_FollowUpDue",
                table: "Cases",
                columns: new[] { "CaseBringerId", "FollowUpDue" });

            migrationBuilder.CreateIndex(
                name: "IX_WellbeingMeasurements_CaseId_Moment_RecordedAtUtc",
                table: "WellbeingMeasurements",
                columns: new[] { "CaseId", "Moment", "RecordedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WellbeingScores");

            migrationBuilder.DropTable(
                name: "WellbeingMeasurements");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CaseBringerId_FollowUpDue",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FollowUpMonths",
                table: "Neighbourhoods");

            migrationBuilder.DropColumn(
                name: "UsesPositiveHealth",
                table: "Neighbourhoods");

            migrationBuilder.DropColumn(
                name: "UsesZrm",
                table: "Neighbourhoods");

            migrationBuilder.DropColumn(
                name: "FollowUpDue",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseBringerId",
                table: "Cases",
                column: "CaseBringerId");
        }
    }
}
