using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeadlineTallies",
                columns: table => new
                {
                    Code = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineTallies", x => new { x.Code, x.Day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineTallies");
        }
    }
}
