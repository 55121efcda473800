using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Terminal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Checklist = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublishedById = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    AddressId = table.Column<long>(type: "INTEGER", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneById = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Photos = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClientRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FocusVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FocusSubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Special = table.Column<bool>(type: "INTEGER", nullable: false),
                    VisitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RiskBefore = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RiskAfter = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Photos = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocusVisits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartyActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    PartyMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PatrolPoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatrolId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Accuracy = table.Column<double>(type: "REAL", nullable: true),
                    AddressId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatrolPoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Patrols",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DistanceMeters = table.Column<double>(type: "REAL", nullable: false),
                    PointCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ScanCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patrols", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_GridCode_EndsOn",
                table: "Campaigns",
                columns: new[] { "GridCode", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_CampaignId_GridCode",
                table: "CampaignTasks",
                columns: new[] { "CampaignId", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_GridCode_State",
                table: "CampaignTasks",
                columns: new[] { "GridCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientRequests_UserId_Key",
                table: "ClientRequests",
                columns: new[] { "UserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FocusVisits_FocusSubjectId_VisitedAt",
                table: "FocusVisits",
                columns: new[] { "FocusSubjectId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FocusVisits_GridCode_VisitedAt",
                table: "FocusVisits",
                columns: new[] { "GridCode", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyActivities_GridCode_On",
                table: "PartyActivities",
                columns: new[] { "GridCode", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyActivities_PartyMemberId_On",
                table: "PartyActivities",
                columns: new[] { "PartyMemberId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_PatrolPoints_GridCode",
                table: "PatrolPoints",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_PatrolPoints_PatrolId_At",
                table: "PatrolPoints",
                columns: new[] { "PatrolId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Patrols_GridCode_StartedAt",
                table: "Patrols",
                columns: new[] { "GridCode", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Patrols_WorkerId_StartedAt",
                table: "Patrols",
                columns: new[] { "WorkerId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "CampaignTasks");

            migrationBuilder.DropTable(
                name: "ClientRequests");

            migrationBuilder.DropTable(
                name: "FocusVisits");

            migrationBuilder.DropTable(
                name: "PartyActivities");

            migrationBuilder.DropTable(
                name: "PatrolPoints");

            migrationBuilder.DropTable(
                name: "Patrols");
        }
    }
}
