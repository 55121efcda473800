using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Host.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitCode = table.Column<long>(type: "bigint", nullable: false),
                    Monthly = table.Column<bool>(type: "boolean", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Tickets = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordCounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeywordIndexState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastTicketId = table.Column<long>(type: "bigint", nullable: false),
                    RolledUpTo = table.Column<DateOnly>(type: "date", nullable: false),
                    DirtyDays = table.Column<string>(type: "text", nullable: false),
                    DirtyMonths = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordIndexState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeywordTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketKeywords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
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
