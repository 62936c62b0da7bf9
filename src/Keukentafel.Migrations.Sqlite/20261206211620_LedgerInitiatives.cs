using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(name: "InitiativeId", table: "LedgerEntries", type: "TEXT", nullable: true);

            migrationBuilder.CreateIndex(name: "IX_LedgerEntries_InitiativeId", table: "LedgerEntries", column: "InitiativeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_LedgerEntries_InitiativeId", table: "LedgerEntries");

            migrationBuilder.DropColumn(name: "InitiativeId", table: "LedgerEntries");
        }
    }
}
