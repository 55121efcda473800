using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Preset = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TileUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnnotationUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Subdomains = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Attribution = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MaxZoom = table.Column<int>(type: "integer", nullable: false),
                    Coordinates = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
