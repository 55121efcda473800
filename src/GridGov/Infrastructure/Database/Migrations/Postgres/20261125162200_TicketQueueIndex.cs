using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_State_Id",
                table: "Tickets",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_State_Id",
                table: "Tickets");
        }
    }
}
