using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseEventVersionUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_CaseId_Version",
                table: "CaseEvents");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_CaseId_Version",
                table: "CaseEvents",
                columns: new[] { "CaseId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_CaseId_Version",
                table: "CaseEvents");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_CaseId_Version",
                table: "CaseEvents",
                columns: new[] { "CaseId", "Version" });
        }
    }
}
