using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keukentafel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MailQueueAndAgendaMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(name: "AgendaMailedAtUtc", table: "LearningSessions", type: "timestamp with time zone", nullable: true);

            migrationBuilder.AddColumn<string>(name: "AgendaMailedFingerprint", table: "LearningSessions", type: "character varying(64)", maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(name: "QueuedMails", columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    To = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Site = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFailure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
