using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Analytics.Warnings;

// 确认: the command centre has seen the warning and is on it (待处置 → 已确认); it can still be turned
// into a supervision or a ticket, or ignored.
public sealed class AcknowledgeWarning(WarningHandling handling)
{
    public async Task<Result<WarningHandled>> HandleAsync(long id, HandleWarningRequest r, CancellationToken ct = default)
    {
        var (w, refusal) = await handling.LoadAsync(id, r.Version, openOnly: true, ct);
        if (w is null) return refusal!;
        var (note, bad) = WarningHandling.Note(r.Note);
        if (bad is not null) return bad;
        return await handling.FinishAsync(w, WarningAction.Acknowledge, WarningState.Acknowledged, note, null, ct);
    }
}
