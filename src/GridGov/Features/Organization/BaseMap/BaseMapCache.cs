using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization.BaseMap;

// The setting in memory: every page load asks for it and every answer's policy names its tile hosts.
// Saved here at once by the node that changes it; other nodes (scale-out) read it again within a
// minute.
public sealed class BaseMapCache(GridDatabase database, TimeProvider clock) : IImageSources
{
    static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);
    // The settings page previews addresses not saved yet: it may load images from any web address.
    public const string SettingsPath = "/admin/map";
    static readonly IReadOnlyList<string> Anywhere = ["http:", "https:"];

    sealed record Snapshot(BaseMapDto Setting, IReadOnlyList<string> Origins, DateTimeOffset At);

    volatile Snapshot? snapshot;

    public async ValueTask<BaseMapDto> GetAsync(CancellationToken ct = default) => (await CurrentAsync(ct)).Setting;

    public void Set(BaseMapDto setting) => snapshot = Make(setting);

    async ValueTask<IReadOnlyList<string>> IImageSources.SourcesAsync(HttpContext http) =>
        http.Request.Path.StartsWithSegments(SettingsPath) ? Anywhere : (await CurrentAsync(default)).Origins;

    async ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        if (snapshot is { } s && clock.GetUtcNow() - s.At < Fresh) return s;
        try
        {
            await using var db = database.CreateUnscoped(AuditActor.System);
            var row = await db.Set<BaseMapSetting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == BaseMapSetting.TheId, ct);
            return snapshot = Make(BaseMapDto.From(row));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database that does not answer for a moment (or not yet migrated) keeps the last known
            // setting, or none: a page's headers must never fail for it.
            return snapshot ?? Make(BaseMapDto.Default) with { At = DateTimeOffset.MinValue };
        }
    }

    Snapshot Make(BaseMapDto s)
    {
        var origins = !s.Tiles ? [] : BaseMapRules.Origins(s.TileUrl!, s.Subdomains)
            .Concat(s.AnnotationUrl is { } a ? BaseMapRules.Origins(a, s.Subdomains) : []).Distinct().ToList();
        return new(s, origins, clock.GetUtcNow());
    }
}
