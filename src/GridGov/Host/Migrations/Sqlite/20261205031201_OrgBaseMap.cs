using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrgBaseMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BaseMapSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Preset = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TileUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnnotationUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Subdomains = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MaxZoom = table.Column<int>(type: "INTEGER", nullable: false),
                    Coordinates = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseMapSettings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BaseMapSettings");
        }
    }
}
