using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Consents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                table: "MeetingParticipant",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GivenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Consents_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_CaseId_OrganisationId",
                table: "Consents",
                columns: new[] { "CaseId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_OrganisationId",
                table: "Consents",
                column: "OrganisationId");

            // Professionals already on a case keep access: their organisations get the consent the resident gave
            // when he let them in, dated at the signal, so nobody loses access by this upgrade.
            migrationBuilder.Sql("""
                UPDATE MeetingParticipant SET OrganisationId = (SELECT s.OrganisationId FROM StaffMembers s WHERE s.Id = MeetingParticipant.StaffMemberId)
                WHERE StaffMemberId IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                CREATE TEMP TABLE ConsentCarryOver AS
                SELECT m.CaseId AS CaseId, s.OrganisationId AS OrganisationId
                FROM CaseMembers m JOIN StaffMembers s ON s.Id = m.StaffMemberId
                WHERE s.OrganisationId IS NOT NULL
                UNION
                SELECT g.CaseId, p.OrganisationId
                FROM MeetingParticipant p JOIN Meetings g ON g.Id = p.MeetingId
                WHERE p.Agreement = 'Agreed' AND p.OrganisationId IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                CREATE TEMP TABLE ConsentCarryOverIds AS
                SELECT CaseId, OrganisationId, hex(randomblob(16)) AS h FROM ConsentCarryOver;
                """);
            migrationBuilder.Sql("""
                INSERT INTO Consents (Id, CaseId, OrganisationId, OrganisationName, Purpose, ValidUntil, GivenAtUtc, RecordedByName)
                SELECT substr(t.h, 1, 8) || '-' || substr(t.h, 9, 4) || '-' || substr(t.h, 13, 4) || '-' || substr(t.h, 17, 4) || '-' || substr(t.h, 21, 12),
                       t.CaseId, t.OrganisationId, o.Name, 'Aan de casus werken (toestemming van vóór het toestemmingsregister)', NULL, c.SignalledAtUtc, 'Keukentafel, bij de invoering van het toestemmingsregister'
                FROM ConsentCarryOverIds t JOIN Organisations o ON o.Id = t.OrganisationId JOIN Cases c ON c.Id = t.CaseId;
                """);
            migrationBuilder.Sql("DROP TABLE ConsentCarryOverIds; DROP TABLE ConsentCarryOver;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "MeetingParticipant");
        }
    }
}
