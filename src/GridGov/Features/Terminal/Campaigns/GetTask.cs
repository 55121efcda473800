using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// A task as its worker opens it on the phone: the same rule as doing it (the caller's own unit and
// data scope), with what its campaign asks and, when it cannot be done now, why.
public sealed class GetTask(GridDbContext db, CurrentUser user, CampaignRows rows)
{
    public async Task<Result<TaskDetail>> HandleAsync(long id, CancellationToken ct = default)
    {
        var task = await db.Set<CampaignTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        var (from, to) = OrgCode.Subtree(user.UnitCode);
        if (task is null || user.UnitCode <= 0 || task.GridCode < from || task.GridCode > to || await rows.OfTaskAsync(task, ct) is not { } c)
            return Result<TaskDetail>.NotFound();
        var status = CampaignFacts.StatusOf(c, rows.Today);
        var refusal = task.State == CampaignTaskState.Done ? null : status switch
        {
            CampaignStatus.Closed => "该专项工作已结束，不能再提交",
            CampaignStatus.NotStarted => $"该专项工作{c.StartsOn:M月d日}开始，届时再提交",
            _ => null,
        };
        return Result<TaskDetail>.Ok(new(await rows.TaskAsync(task, c.EndsOn, ct), c.Name, c.Description, CampaignFacts.Items(c.Checklist), c.StartsOn, c.EndsOn,
            status, CampaignFacts.StatusName(status), refusal));
    }
}
