using Npgsql;

namespace GridGov.Tests.Infrastructure;

// The suite runs on SQLite by default and on PostgreSQL when GRIDGOV_TEST_DB=postgres (test.sh starts
// a throwaway server and sets GRIDGOV_TEST_PG). Each app under test gets its own database.
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("GRIDGOV_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    static string Server => Environment.GetEnvironmentVariable("GRIDGOV_TEST_PG")
        ?? throw new InvalidOperationException("GRIDGOV_TEST_DB=postgres needs GRIDGOV_TEST_PG (an Npgsql connection string); run ./test.sh");

    // Null on SQLite: the app then keeps its SQLite file in its data folder.
    public static string? NewPostgresDatabase()
    {
        if (!IsPostgres) return null;
        var b = new NpgsqlConnectionStringBuilder(Server) { Database = $"gridgov_test_{Guid.NewGuid():N}" };
        return b.ConnectionString;
    }

    public static void DropPostgresDatabase(string? connectionString)
    {
        if (connectionString is null) return;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }
}
