using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartyMemberRemovalReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "PartyMembers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "PartyMembers");
        }
    }
}
