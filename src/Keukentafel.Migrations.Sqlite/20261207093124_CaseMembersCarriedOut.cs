using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseMembersCarriedOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_CaseMembers_StaffMemberId_IsOpen_Deadline_CaseId", table: "CaseMembers");

            migrationBuilder.AddColumn<bool>(name: "CarriedOut", table: "CaseMembers", type: "INTEGER", nullable: false, defaultValue: false);

            // Written by hand: the cases already carried out are marked on their members, so they wait below the work to do.
            migrationBuilder.Sql("""
                UPDATE "CaseMembers" SET "CarriedOut" = 1
                WHERE "CaseId" IN (SELECT "Id" FROM "Cases" WHERE "SolutionCarriedOutAtUtc" IS NOT NULL);
                """);

            migrationBuilder.CreateIndex(name: "IX_CaseMembers_StaffMemberId_IsOpen_CarriedOut_Deadline_CaseId", table: "CaseMembers",
                columns: new[] { "StaffMemberId", "IsOpen", "CarriedOut", "Deadline", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_CaseMembers_StaffMemberId_IsOpen_CarriedOut_Deadline_CaseId", table: "CaseMembers");

            migrationBuilder.DropColumn(name: "CarriedOut", table: "CaseMembers");

            migrationBuilder.CreateIndex(name: "IX_CaseMembers_StaffMemberId_IsOpen_Deadline_CaseId", table: "CaseMembers",
                columns: new[] { "StaffMemberId", "IsOpen", "Deadline", "CaseId" });
        }
    }
}
