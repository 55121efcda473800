using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalyticsWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WarningRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AreaCode = table.Column<long>(type: "INTEGER", nullable: true),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    GroupLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MinCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowHours = table.Column<int>(type: "INTEGER", nullable: false),
                    RadiusMeters = table.Column<int>(type: "INTEGER", nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Limit = table.Column<double>(type: "REAL", nullable: true),
                    MinSigma = table.Column<double>(type: "REAL", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AreaCode = table.Column<long>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HandledById = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    EvidenceKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EvidenceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Warnings_WarningRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "WarningRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WarningEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WarningId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningEvents_Warnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "Warnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WarningEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WarningId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningEvidence_Warnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "Warnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WarningEvents_WarningId",
                table: "WarningEvents",
                column: "WarningId");

            migrationBuilder.CreateIndex(
                name: "IX_WarningEvidence_RuleId_TicketId",
                table: "WarningEvidence",
                columns: new[] { "RuleId", "TicketId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WarningEvidence_WarningId",
                table: "WarningEvidence",
                column: "WarningId");

            migrationBuilder.CreateIndex(
                name: "IX_WarningRules_Name",
                table: "WarningRules",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_EvidenceKey",
                table: "Warnings",
                column: "EvidenceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_GridCode_RaisedAt",
                table: "Warnings",
                columns: new[] { "GridCode", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_RaisedAt",
                table: "Warnings",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_RuleId",
                table: "Warnings",
                column: "RuleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WarningEvents");

            migrationBuilder.DropTable(
                name: "WarningEvidence");

            migrationBuilder.DropTable(
                name: "Warnings");

            migrationBuilder.DropTable(
                name: "WarningRules");
        }
    }
}
