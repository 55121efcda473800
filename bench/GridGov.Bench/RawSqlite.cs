using System.Diagnostics;
using GridGov.Features.Organization;
using Microsoft.Data.Sqlite;

namespace GridGov.Bench;

// The machine's limit for the import's write: the fastest plain way to put these rows into SQLite.
static class RawSqlite
{
    // The OrgUnits table as the Initial migration creates it, indexes included (they cost on insert too).
    const string Schema = """
        PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
        CREATE TABLE OrgUnits (
            Code INTEGER NOT NULL CONSTRAINT PK_OrgUnits PRIMARY KEY, Name TEXT NOT NULL, Level TEXT NOT NULL,
            ParentCode INTEGER NULL, GridCode INTEGER NOT NULL, Boundary TEXT NULL, BoundaryGenerated INTEGER NOT NULL,
            LabelLon REAL NOT NULL, LabelLat REAL NOT NULL, AreaKm2 REAL NOT NULL);
        CREATE INDEX IX_OrgUnits_GridCode ON OrgUnits (GridCode);
        CREATE INDEX IX_OrgUnits_ParentCode ON OrgUnits (ParentCode);
        """;

    public static TimeSpan Insert(string connectionString, IReadOnlyList<OrgUnit> units)
    {
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        using (var ddl = conn.CreateCommand())
        {
            ddl.CommandText = Schema;
            ddl.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        using var tx = conn.BeginTransaction();
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO OrgUnits VALUES ($code, $name, $level, $parent, $grid, $boundary, $generated, $lon, $lat, $area)";
        var p = new[] { "$code", "$name", "$level", "$parent", "$grid", "$boundary", "$generated", "$lon", "$lat", "$area" }
            .Select(name => cmd.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        cmd.Prepare();
        foreach (var u in units)
        {
            p[0].Value = u.Code;
            p[1].Value = u.Name;
            p[2].Value = u.Level.ToString();
            p[3].Value = u.ParentCode is { } parent ? parent : DBNull.Value;
            p[4].Value = u.GridCode;
            p[5].Value = u.Boundary is { } b ? b : DBNull.Value;
            p[6].Value = u.BoundaryGenerated;
            p[7].Value = u.LabelLon;
            p[8].Value = u.LabelLat;
            p[9].Value = u.AreaKm2;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return clock.Elapsed;
    }
}
