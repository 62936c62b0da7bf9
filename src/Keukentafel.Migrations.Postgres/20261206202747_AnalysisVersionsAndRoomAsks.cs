using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnalysisVersionsAndRoomAsks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_MicroAnalyses_CaseId", table: "MicroAnalyses");

            migrationBuilder.DropIndex(name: "IX_FinancingRequests_OneOpenPerAction", table: "FinancingRequests");

            migrationBuilder.AddColumn<int>(name: "Number", table: "MicroAnalyses", type: "integer", nullable: false, defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(name: "ReplacedAtUtc", table: "MicroAnalyses", type: "timestamp with time zone", nullable: true);

            migrationBuilder.AddColumn<string>(name: "ReplacedByName", table: "MicroAnalyses", type: "character varying(300)", maxLength: 300, nullable: true);

            migrationBuilder.AddColumn<string>(name: "ReplacedReason", table: "MicroAnalyses", type: "character varying(2000)", maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(name: "RoomShiftAsks", columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    BudgetId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    AskedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AskedById = table.Column<Guid>(type: "uuid", nullable: true),
                    AskedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AskedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Agreed = table.Column<bool>(type: "boolean", nullable: true),
                    AnswerReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredById = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomShiftAsks", x => x.Id);
                    table.ForeignKey(name: "FK_RoomShiftAsks_FinancingRequests_RequestId", column: x => x.RequestId, principalTable: "FinancingRequests",
                        principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(name: "FK_RoomShiftAsks_Organisations_FromOrganisationId", column: x => x.FromOrganisationId,
                        principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(name: "IX_MicroAnalyses_CaseId", table: "MicroAnalyses", column: "CaseId", unique: true,
                filter: "\"ReplacedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(name: "IX_FinancingRequests_OneOpenPerAction", table: "FinancingRequests", column: "PlanActionId", unique: true,
                filter: "\"Status\" IN ('Open', 'AwaitingRoom')");

            migrationBuilder.CreateIndex(name: "IX_RoomShiftAsks_FromOrganisationId_Agreed", table: "RoomShiftAsks",
                columns: new[] { "FromOrganisationId", "Agreed" });

            migrationBuilder.CreateIndex(name: "IX_RoomShiftAsks_RequestId", table: "RoomShiftAsks", column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "RoomShiftAsks");

            migrationBuilder.DropIndex(name: "IX_MicroAnalyses_CaseId", table: "MicroAnalyses");

            migrationBuilder.DropIndex(name: "IX_FinancingRequests_OneOpenPerAction", table: "FinancingRequests");

            migrationBuilder.DropColumn(name: "Number", table: "MicroAnalyses");

            migrationBuilder.DropColumn(name: "ReplacedAtUtc", table: "MicroAnalyses");

            migrationBuilder.DropColumn(name: "ReplacedByName", table: "MicroAnalyses");

            migrationBuilder.DropColumn(name: "ReplacedReason", table: "MicroAnalyses");

            migrationBuilder.CreateIndex(name: "IX_MicroAnalyses_CaseId", table: "MicroAnalyses", column: "CaseId", unique: true);

            migrationBuilder.CreateIndex(name: "IX_FinancingRequests_OneOpenPerAction", table: "FinancingRequests", column: "PlanActionId", unique: true,
                filter: "\"Status\" = 'Open'");
        }
    }
}
