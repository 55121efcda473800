using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Host.Migrations.Postgres
{
    // PostgreSQL only (ADR 0016): each tally's primary key index carries the tally's values
    // (INCLUDE), so a figure is an index-only scan of a few key-ordered pages instead of a visit to
    // every heap page its rows were scattered over by years of upserts. With the cheaper plans the
    // planner also stops starting parallel workers for reads of a few hundred rows (~60 ms each here).
    // EF Core cannot say INCLUDE on a key: a later migration that rebuilds one of these keys must
    // keep it (the model's configurations say so too).
    public partial class TallyKeysCarryValues : Migration
    {
        static readonly (string Table, string Key, string Values)[] Tallies =
        [
            ("TicketTallies", "\"Code\", \"Day\", \"Source\", \"State\"", "\"Count\""),
            ("TicketFlowTallies", "\"Code\", \"Day\", \"DepartmentId\"", "\"Created\", \"Closed\", \"ClosedOnTime\", \"ClosedReworked\", \"CloseMinutes\""),
            ("RegistryTallies", "\"Code\", \"Kind\", \"Key\"", "\"Count\""),
            ("CategoryTallies", "\"Code\", \"Day\", \"CategoryId\", \"Source\"", "\"Count\", \"Repeats\""),
            ("DeadlineTallies", "\"Code\", \"Day\"", "\"Count\""),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, key, values) in Tallies)
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"PK_{table}\", ADD CONSTRAINT \"PK_{table}\" PRIMARY KEY ({key}) INCLUDE ({values});");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, key, _) in Tallies)
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"PK_{table}\", ADD CONSTRAINT \"PK_{table}\" PRIMARY KEY ({key});");
        }
    }
}
