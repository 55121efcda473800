using GridGov.Features.Identity;
using GridGov.Infrastructure.Database;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GridGov.Features.Audit;
using GridGov.Infrastructure.Cli;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Audit;

// Each test tampers with its own database: a fresh app without a city (roles are seeded, so the
// chain already has links). The tampering is what a database administrator could do: any SQL, but
// no access to the data folder's audit key. The helpers both kinds of tampering test share.
public abstract class AuditTampering : IAsyncLifetime
{
    protected readonly AuditTestApp app = new();

    public async Task InitializeAsync()
    {
        _ = app.Server;
        await AnchorAsync(app);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    protected static async Task<(int Exit, string Output)> VerifyCliAsync(GridGovApp on)
    {
        var output = new StringWriter();
        return (await Commands.RunAsync(on.Services, "verify-audit", [], output), output.ToString());
    }

    protected Task<(int Exit, string Output)> VerifyCliAsync() => VerifyCliAsync(app);

    protected static async Task<AuditVerification> VerifyAsync(GridGovApp on)
    {
        await using var scope = on.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAudit>().RunAsync();
    }

    // The periodic anchoring, run now rather than waited for. The start's own pass runs in the
    // background and could otherwise land after a test's tampering (anchoring a cut chain afresh).
    protected static async Task<AnchorOutcome> AnchorAsync(GridGovApp on)
    {
        var anchoring = on.Services.GetRequiredService<AuditAnchoring>();
        await anchoring.StartPass.WaitAsync(TimeSpan.FromSeconds(30));
        return await anchoring.AnchorAsync();
    }

    protected async Task AddRolesAsync(string prefix, int count)
    {
        var database = app.Services.GetRequiredService<GridDatabase>();
        for (var i = 1; i <= count; i++)
        {
            await using var db = database.CreateUnscoped(AuditActor.System);
            db.Roles.Add(new AppRole { Name = $"{prefix}_{i}", NormalizedName = $"{prefix.ToUpperInvariant()}_{i}", DisplayName = $"{prefix}{i}" });
            await db.SaveChangesAsync();
        }
    }

    // Alters one record and re-hashes it and every later one, as someone rewriting history would.
    protected async Task RewriteFromAsync(long seq, Func<AuditRecord, string> hash)
    {
        await using var db = app.UnscopedDb();
        var prev = await db.AuditRecords.Where(a => a.Seq == seq - 1).Select(a => a.Hash).FirstOrDefaultAsync() ?? "";
        foreach (var r in await db.AuditRecords.Where(a => a.Seq >= seq).OrderBy(a => a.Seq).ToListAsync())
        {
            if (r.Seq == seq) r.ActorName = "someone-else";
            r.PrevHash = prev;
            r.Hash = prev = hash(r);
        }
        await db.SaveChangesAsync();
    }

    protected string KeyFile => app.Services.GetRequiredService<GridDatabase>().AuditKeys.KeyFile;
    protected string AnchorFile => app.Services.GetRequiredService<GridDatabase>().AuditKeys.AnchorFile;
}

// Anchoring runs when a test asks for it (AuditAnchoring.AnchorAsync), not on its timer.
public class AuditTestApp : EmptyGridGovApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("GridGov:AuditAnchorSeconds", "86400");
    }
}

// The same data folder and database opened again, as after a restart (optionally with other settings,
// or `Later` than now).
public sealed class ReopenedApp(GridGovApp first, params (string Key, string Value)[] settings) : AuditTestApp
{
    public TimeSpan Later { get; init; }

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        if (Later != TimeSpan.Zero) builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new ShiftedTime(Later)));
        builder.UseSetting("GridGov:DataDir", first.DataDir);
        var database = first.Services.GetRequiredService<GridDatabase>();
        if (database.Provider == DatabaseProvider.Postgres) builder.UseSetting("ConnectionStrings:Postgres", database.ConnectionString);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

public sealed class ShiftedTime(TimeSpan by) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
}
