using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Warnings;

// 忽略: not a real problem (a known event, a data error); the reason is required and kept in the history.
public sealed class IgnoreWarning(WarningHandling handling)
{
    public async Task<Result<WarningHandled>> HandleAsync(long id, HandleWarningRequest r, CancellationToken ct = default)
    {
        var (w, refusal) = await handling.LoadAsync(id, r.Version, openOnly: false, ct);
        if (w is null) return refusal!;
        var (note, bad) = WarningHandling.Note(r.Note);
        if (bad is not null) return bad;
        if (note is null) return Result<WarningHandled>.Invalid("note", "请填写忽略的原因");
        return await handling.FinishAsync(w, WarningAction.Ignore, WarningState.Ignored, note, null, ct);
    }
}
