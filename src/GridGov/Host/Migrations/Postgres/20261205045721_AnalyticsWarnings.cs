using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Host.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AreaCode = table.Column<long>(type: "bigint", nullable: true),
                    CategoryCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    GroupLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MinCount = table.Column<int>(type: "integer", nullable: false),
                    WindowHours = table.Column<int>(type: "integer", nullable: false),
                    RadiusMeters = table.Column<int>(type: "integer", nullable: true),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Limit = table.Column<double>(type: "double precision", nullable: true),
                    MinSigma = table.Column<double>(type: "double precision", nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleId = table.Column<long>(type: "bigint", nullable: false),
                    RuleName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AreaCode = table.Column<long>(type: "bigint", nullable: false),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    AreaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HandledById = table.Column<long>(type: "bigint", nullable: true),
                    HandledByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandledNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TicketId = table.Column<long>(type: "bigint", nullable: true),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: true),
                    EvidenceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EvidenceCount = table.Column<int>(type: "integer", nullable: false),
                    Series = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WarningId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<long>(type: "bigint", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WarningId = table.Column<long>(type: "bigint", nullable: false),
                    RuleId = table.Column<long>(type: "bigint", nullable: false),
                    TicketId = table.Column<long>(type: "bigint", nullable: false)
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
