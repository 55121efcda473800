using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Host.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistryParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Components",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ClassCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Condition = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: true),
                    OwnerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InstalledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "bigint", nullable: true),
                    StateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Components", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KeeperId = table.Column<long>(type: "bigint", nullable: true),
                    KeeperName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AddressId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Breed = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Colour = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Gender = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    BornOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Restricted = table.Column<bool>(type: "boolean", nullable: false),
                    LicenceNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    LicenceExpires = table.Column<DateOnly>(type: "date", nullable: true),
                    VaccinatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChipNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "bigint", nullable: true),
                    StateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FocusSubjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Special = table.Column<bool>(type: "boolean", nullable: false),
                    Risk = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VisitEveryDays = table.Column<int>(type: "integer", nullable: false),
                    ResponsibleId = table.Column<long>(type: "bigint", nullable: true),
                    ResponsibleName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LastVisitAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextVisitDue = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "bigint", nullable: true),
                    StateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocusSubjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartyMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    PartyOrgId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Mobile = table.Column<bool>(type: "boolean", nullable: false),
                    ReportedToCommunity = table.Column<bool>(type: "boolean", nullable: false),
                    Duty = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "bigint", nullable: true),
                    StateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartyOrgs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    UnitId = table.Column<long>(type: "bigint", nullable: true),
                    SecretaryId = table.Column<long>(type: "bigint", nullable: true),
                    SecretaryName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "bigint", nullable: true),
                    StateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyOrgs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidencePermits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CancelledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "bigint", nullable: true),
                    StateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidencePermits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    AddressId = table.Column<long>(type: "bigint", nullable: true),
                    AddressText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Employees = table.Column<int>(type: "integer", nullable: true),
                    LegalRepName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    LegalRepIdType = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    LegalRepIdCipher = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    LegalRepIdHash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LegalRepIdMasked = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LegalRepPhoneCipher = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    LegalRepPhoneMasked = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SecurityName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SecurityPhoneCipher = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    SecurityPhoneMasked = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Hazardous = table.Column<bool>(type: "boolean", nullable: false),
                    HazardType = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Attention = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    HasPartyOrg = table.Column<bool>(type: "boolean", nullable: false),
                    PartyMembers = table.Column<int>(type: "integer", nullable: true),
                    Fields = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    GridCode = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "bigint", nullable: true),
                    StateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Components_Code",
                table: "Components",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Components_Condition_GridCode",
                table: "Components",
                columns: new[] { "Condition", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Components_DepartmentId",
                table: "Components",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Components_GridCode_ClassCode",
                table: "Components",
                columns: new[] { "GridCode", "ClassCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Components_State_GridCode",
                table: "Components",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Dogs_GridCode",
                table: "Dogs",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_Dogs_KeeperId",
                table: "Dogs",
                column: "KeeperId");

            migrationBuilder.CreateIndex(
                name: "IX_Dogs_LicenceExpires_GridCode",
                table: "Dogs",
                columns: new[] { "LicenceExpires", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Dogs_LicenceNo",
                table: "Dogs",
                column: "LicenceNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dogs_State_GridCode",
                table: "Dogs",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_FocusSubjects_GridCode",
                table: "FocusSubjects",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_FocusSubjects_Kind_GridCode",
                table: "FocusSubjects",
                columns: new[] { "Kind", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_FocusSubjects_NextVisitDue_GridCode",
                table: "FocusSubjects",
                columns: new[] { "NextVisitDue", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_FocusSubjects_PersonId_Kind",
                table: "FocusSubjects",
                columns: new[] { "PersonId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FocusSubjects_ResponsibleId_NextVisitDue",
                table: "FocusSubjects",
                columns: new[] { "ResponsibleId", "NextVisitDue" });

            migrationBuilder.CreateIndex(
                name: "IX_FocusSubjects_State_GridCode",
                table: "FocusSubjects",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_GridCode",
                table: "PartyMembers",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_PartyOrgId_Status",
                table: "PartyMembers",
                columns: new[] { "PartyOrgId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_PersonId",
                table: "PartyMembers",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_State_GridCode",
                table: "PartyMembers",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyOrgs_GridCode",
                table: "PartyOrgs",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_PartyOrgs_ParentId",
                table: "PartyOrgs",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyOrgs_State_GridCode",
                table: "PartyOrgs",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyOrgs_UnitId",
                table: "PartyOrgs",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_ExpiresOn_GridCode",
                table: "ResidencePermits",
                columns: new[] { "ExpiresOn", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_GridCode",
                table: "ResidencePermits",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_PersonId_IssuedOn",
                table: "ResidencePermits",
                columns: new[] { "PersonId", "IssuedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_State_GridCode",
                table: "ResidencePermits",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_AddressId",
                table: "Units",
                column: "AddressId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_CreditCode",
                table: "Units",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_GridCode_Name",
                table: "Units",
                columns: new[] { "GridCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_Kind_GridCode",
                table: "Units",
                columns: new[] { "Kind", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_LegalRepIdHash",
                table: "Units",
                column: "LegalRepIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_Units_State_GridCode",
                table: "Units",
                columns: new[] { "State", "GridCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Components");

            migrationBuilder.DropTable(
                name: "Dogs");

            migrationBuilder.DropTable(
                name: "FocusSubjects");

            migrationBuilder.DropTable(
                name: "PartyMembers");

            migrationBuilder.DropTable(
                name: "PartyOrgs");

            migrationBuilder.DropTable(
                name: "ResidencePermits");

            migrationBuilder.DropTable(
                name: "Units");
        }
    }
}
