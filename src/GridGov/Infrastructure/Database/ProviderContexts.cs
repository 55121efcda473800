using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GridGov.Infrastructure.Database;

// The same model per provider, so that `dotnet ef migrations add X --context SqliteGridDbContext`
// and `--context PostgresGridDbContext` keep two migration histories in Migrations/Sqlite and
// Migrations/Postgres (ADR 0002).
public sealed class SqliteGridDbContext(DbContextOptions<SqliteGridDbContext> options) : GridDbContext(options);

public sealed class PostgresGridDbContext(DbContextOptions<PostgresGridDbContext> options) : GridDbContext(options);

sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGridDbContext>
{
    public SqliteGridDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGridDbContext>().UseSqlite("Data Source=design.db").Options);
}

sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGridDbContext>
{
    public PostgresGridDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGridDbContext>().UseNpgsql("Host=localhost;Database=gridgov").Options);
}
