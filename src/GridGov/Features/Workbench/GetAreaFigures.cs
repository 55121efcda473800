using GridGov.Features.Analytics.Warnings;
using GridGov.Features.Panorama;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Workbench;

// A leader's workbench: today's figures of the area as the panorama has them (its rollups, a few
// rows) and the newest warnings still open, as the warning list has them. Only for who may open both.
public sealed class GetAreaFigures(GetPanorama panorama, ListWarnings warnings, CurrentUser user)
{
    public const int WarningRows = 5;

    public async Task<Result<AreaFigures>> HandleAsync(CancellationToken ct = default)
    {
        if (!user.Has(Permissions.AnalyticsView)) return Result<AreaFigures>.Forbidden("只有可以查看全景态势与统计分析的账号才有辖区态势");
        // Null: the caller's scope covers no whole unit (a custom set, or itself only).
        if ((await panorama.HandleAsync(null, PanoramaPeriod.Today, ct)).Value is not { } figures) return Result<AreaFigures>.NotFound();
        var open = (await warnings.HandleAsync(new WarningQuery(State: WarningState.Open, PageSize: WarningRows), ct)).Value!;
        return Result<AreaFigures>.Ok(new(figures.Unit, figures.Today, figures.People.Sum(p => p.Count), open.Items, open.Total));
    }
}
