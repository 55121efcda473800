using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Addresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommunityCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Floors = table.Column<int>(type: "INTEGER", nullable: true),
                    BuildingHeadId = table.Column<long>(type: "INTEGER", nullable: true),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "INTEGER", nullable: true),
                    StateAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Addresses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseOccupants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RelationToHead = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "INTEGER", nullable: true),
                    StateAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseOccupants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Houses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AddressId = table.Column<long>(type: "INTEGER", nullable: false),
                    Use = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BuildingUse = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    AreaM2 = table.Column<double>(type: "REAL", nullable: true),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RentalPurpose = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    HazardType = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Tenants = table.Column<int>(type: "INTEGER", nullable: false),
                    Overcrowded = table.Column<bool>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "INTEGER", nullable: true),
                    StateAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Houses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedByUnit = table.Column<long>(type: "INTEGER", nullable: false),
                    ScopeJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RowCipher = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdType = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IdCipher = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    IdHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdMasked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FormerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    NativePlace = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Marital = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Political = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Education = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Religion = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    OccupationCategory = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Workplace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegisteredPlace = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    RegisteredAddress = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CurrentPlace = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    CurrentAddress = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Residency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AddressId = table.Column<long>(type: "INTEGER", nullable: true),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "INTEGER", nullable: true),
                    StateAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonClassRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Special = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    GridCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ImportBatchId = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StateByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StateById = table.Column<long>(type: "INTEGER", nullable: true),
                    StateAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonClassRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_Code",
                table: "Addresses",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_CommunityCode_FullName",
                table: "Addresses",
                columns: new[] { "CommunityCode", "FullName" });

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_FullName",
                table: "Addresses",
                column: "FullName");

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_GridCode",
                table: "Addresses",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_ParentId",
                table: "Addresses",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_State_GridCode",
                table: "Addresses",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseOccupants_GridCode",
                table: "HouseOccupants",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_HouseOccupants_HouseId_PersonId",
                table: "HouseOccupants",
                columns: new[] { "HouseId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HouseOccupants_PersonId",
                table: "HouseOccupants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseOccupants_State_GridCode",
                table: "HouseOccupants",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Houses_AddressId",
                table: "Houses",
                column: "AddressId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Houses_GridCode",
                table: "Houses",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_Houses_State_GridCode",
                table: "Houses",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Houses_Use_GridCode",
                table: "Houses",
                columns: new[] { "Use", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_GridCode_Id",
                table: "ImportBatches",
                columns: new[] { "GridCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_State",
                table: "ImportBatches",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ImportIssues_BatchId_RowNumber",
                table: "ImportIssues",
                columns: new[] { "BatchId", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_People_AddressId",
                table: "People",
                column: "AddressId");

            migrationBuilder.CreateIndex(
                name: "IX_People_GridCode_Name",
                table: "People",
                columns: new[] { "GridCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_People_IdHash",
                table: "People",
                column: "IdHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_PhoneHash",
                table: "People",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_People_State_GridCode",
                table: "People",
                columns: new[] { "State", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonClassRecords_Class_GridCode",
                table: "PersonClassRecords",
                columns: new[] { "Class", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonClassRecords_GridCode",
                table: "PersonClassRecords",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_PersonClassRecords_PersonId_Class",
                table: "PersonClassRecords",
                columns: new[] { "PersonId", "Class" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonClassRecords_State_GridCode",
                table: "PersonClassRecords",
                columns: new[] { "State", "GridCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Addresses");

            migrationBuilder.DropTable(
                name: "HouseOccupants");

            migrationBuilder.DropTable(
                name: "Houses");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropTable(
                name: "ImportIssues");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "PersonClassRecords");
        }
    }
}
