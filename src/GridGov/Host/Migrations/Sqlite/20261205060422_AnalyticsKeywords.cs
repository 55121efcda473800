using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalyticsKeywords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeywordCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Monthly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tickets = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordCounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeywordIndexState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastTicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    RolledUpTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DirtyDays = table.Column<string>(type: "TEXT", nullable: false),
                    DirtyMonths = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordIndexState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeywordTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketKeywords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketKeywords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeywordCounts_TermId_UnitCode_Monthly_Date_Tickets",
                table: "KeywordCounts",
                columns: new[] { "TermId", "UnitCode", "Monthly", "Date", "Tickets" });

            migrationBuilder.CreateIndex(
                name: "IX_KeywordCounts_UnitCode_Monthly_Date_TermId_Tickets",
                table: "KeywordCounts",
                columns: new[] { "UnitCode", "Monthly", "Date", "TermId", "Tickets" });

            migrationBuilder.CreateIndex(
                name: "IX_KeywordTerms_Text",
                table: "KeywordTerms",
                column: "Text",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketKeywords_Day_GridCode_TermId",
                table: "TicketKeywords",
                columns: new[] { "Day", "GridCode", "TermId" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketKeywords_GridCode_Day_TermId_TicketId",
                table: "TicketKeywords",
                columns: new[] { "GridCode", "Day", "TermId", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketKeywords_TermId_Day_GridCode_TicketId",
                table: "TicketKeywords",
                columns: new[] { "TermId", "Day", "GridCode", "TicketId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeywordCounts");

            migrationBuilder.DropTable(
                name: "KeywordIndexState");

            migrationBuilder.DropTable(
                name: "KeywordTerms");

            migrationBuilder.DropTable(
                name: "TicketKeywords");
        }
    }
}
