using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketDepartmentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LeadDepartmentId_State",
                table: "Tickets",
                columns: new[] { "LeadDepartmentId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_LeadDepartmentId_State",
                table: "Tickets");
        }
    }
}
