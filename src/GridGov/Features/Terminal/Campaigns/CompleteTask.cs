using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// A worker does a task: the checklist's answers in its order, a note, photos and where. The task must
// lie in the caller's own unit (a grid worker: their grid) and in their data scope, else it is not
// found. A campaign not begun or closed takes no work; after its end date work is still taken and
// counted as 逾期完成. Written in one save, so a resent submission (X-Client-Id) is written once.
public sealed class CompleteTask(GridDbContext db, CurrentUser user, CampaignRows rows, OwnPhotos owned, TimeProvider clock)
{
    public async Task<Result<CampaignTaskRow>> HandleAsync(long id, CompleteTaskRequest r, CancellationToken ct = default)
    {
        var task = await db.Set<CampaignTask>().FirstOrDefaultAsync(t => t.Id == id, ct);
        var (from, to) = OrgCode.Subtree(user.UnitCode);
        if (task is null || user.UnitCode <= 0 || task.GridCode < from || task.GridCode > to) return Result<CampaignTaskRow>.NotFound();
        if (await rows.OfTaskAsync(task, ct) is not { } campaign) return Result<CampaignTaskRow>.NotFound();
        var today = rows.Today;
        if (campaign.ClosedAt is not null) return Result<CampaignTaskRow>.Conflict($"专项工作“{campaign.Name}”已结束，不能再提交", "专项工作已结束");
        if (today < campaign.StartsOn)
            return Result<CampaignTaskRow>.Conflict($"专项工作“{campaign.Name}”{campaign.StartsOn:M月d日}开始，尚未开始", "专项工作尚未开始");
        if (r.Version is { } v && v != task.Version)
            return Result<CampaignTaskRow>.Conflict("该任务已被他人修改，请刷新后再提交", extensions: new Dictionary<string, object?> { ["version"] = task.Version });
        if (task.State == CampaignTaskState.Done)
            return Result<CampaignTaskRow>.Conflict($"该任务已由{task.DoneByName}于{Infrastructure.ChinaTime.Format(task.DoneAt)}完成", "任务已完成");

        var errors = new Dictionary<string, string[]>();
        var items = CampaignFacts.Items(campaign.Checklist).Count;
        if (r.Answers is null || r.Answers.Count != items)
            errors["answers"] = [$"检查结果应有 {items} 项，与检查清单一一对应（提交了 {r.Answers?.Count ?? 0} 项）"];
        var note = r.Note?.Trim() is { Length: > 0 } n ? n : null;
        if (note?.Length > CampaignFacts.MaxNote) errors["note"] = [$"情况说明不能超过 {CampaignFacts.MaxNote} 个字"];
        if (r.Lon is null != r.Lat is null) errors["lon"] = ["经度和纬度须同时填写"];
        else if (r.Lon is < -180 or > 180 || r.Lat is < -90 or > 90) errors["lon"] = ["经纬度超出范围"];
        var (photos, photoError) = await owned.CheckAsync(r.Photos, ct);
        if (photoError is not null) errors["photos"] = [photoError];
        if (errors.Count > 0) return Result<CampaignTaskRow>.Invalid(errors);

        task.State = CampaignTaskState.Done;
        task.DoneAt = clock.GetUtcNow().UtcDateTime;
        (task.DoneById, task.DoneByName) = (user.UserId, user.DisplayName);
        task.Answers = CampaignFacts.Store(r.Answers!);
        task.Note = note;
        task.Photos = photos.Count > 0 ? string.Join(',', photos) : null;
        (task.Lon, task.Lat) = (r.Lon, r.Lat);
        task.Version++;
        await db.SaveChangesAsync(ct);
        return Result<CampaignTaskRow>.Ok(await rows.TaskAsync(task, campaign.EndsOn, ct));
    }
}
