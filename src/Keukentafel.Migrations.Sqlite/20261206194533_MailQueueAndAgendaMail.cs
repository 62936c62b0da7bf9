using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailQueueAndAgendaMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(name: "AgendaMailedAtUtc", table: "LearningSessions", type: "TEXT", nullable: true);

            migrationBuilder.AddColumn<string>(name: "AgendaMailedFingerprint", table: "LearningSessions", type: "TEXT", maxLength: 64, nullable: true);

            migrationBuilder.CreateTable(name: "QueuedMails", columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Site = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFailure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueuedMails", x => x.Id);
                });

            migrationBuilder.CreateIndex(name: "IX_QueuedMails_State_NextAttemptAtUtc", table: "QueuedMails", columns: new[] { "State", "NextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "QueuedMails");

            migrationBuilder.DropColumn(name: "AgendaMailedAtUtc", table: "LearningSessions");

            migrationBuilder.DropColumn(name: "AgendaMailedFingerprint", table: "LearningSessions");
        }
    }
}
