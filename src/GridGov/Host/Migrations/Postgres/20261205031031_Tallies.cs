using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegistryTallies",
                columns: table => new
                {
                    Code = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryTallies", x => new { x.Code, x.Kind, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "TicketFlowTallies",
                columns: table => new
                {
                    Code = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: false),
                    Created = table.Column<long>(type: "bigint", nullable: false),
                    Closed = table.Column<long>(type: "bigint", nullable: false),
                    ClosedOnTime = table.Column<long>(type: "bigint", nullable: false),
                    ClosedReworked = table.Column<long>(type: "bigint", nullable: false),
                    CloseMinutes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketFlowTallies", x => new { x.Code, x.Day, x.DepartmentId });
                });

            migrationBuilder.CreateTable(
                name: "TicketTallies",
                columns: table => new
                {
                    Code = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketTallies", x => new { x.Code, x.Day, x.Source, x.State });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistryTallies");

            migrationBuilder.DropTable(
                name: "TicketFlowTallies");

            migrationBuilder.DropTable(
                name: "TicketTallies");
        }
    }
}
