using GridGov.Features.Analytics.Sources;
using GridGov.Features.Analytics.Trends;
using GridGov.Infrastructure.Database;

namespace GridGov.Features.Analytics;

// How the analysis exports read in the audit log ("导出 趋势统计 …").
sealed class AnalyticsAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(TrendPoint), "趋势统计"),
        new(nameof(SourceRow), "来源对比"),
    ];
}
