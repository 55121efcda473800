using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Campaigns;

// 发布专项工作: a street or a community names the work, its period and checklist, and its targets — grids
// of its area, or addresses of its area (read through the registry) — and each target becomes a task of
// the grid it lies in. Every target is checked against the caller's area; one outside it is named.
public sealed class PublishCampaign(GridDbContext db, CurrentUser user, Places places, GetCampaign get, TimeProvider clock)
{
    public async Task<Result<CampaignDetail>> HandleAsync(PublishCampaignRequest r, CancellationToken ct = default)
    {
        if (!user.Has(Permissions.CampaignsPublish)) return Result<CampaignDetail>.Forbidden("您没有发布专项工作的权限");
        if (OrgCode.LevelOf(user.UnitCode) is not (OrgLevel.Street or OrgLevel.Community))
            return Result<CampaignDetail>.Forbidden("专项工作由街道或社区发布，您所在的单位不是街道或社区", "不能发布专项工作");
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["请填写专项工作名称"];
        else if (name.Length > 100) errors["name"] = ["名称不能超过 100 个字"];
        var description = r.Description?.Trim() is { Length: > 0 } d ? d : null;
        if (description?.Length > 2000) errors["description"] = ["说明不能超过 2000 个字"];
        CheckPeriod(r.StartsOn, r.EndsOn, today, errors);
        var items = (r.Checklist ?? []).Select(i => (i ?? "").ReplaceLineEndings(" ").Trim()).Where(i => i.Length > 0).ToList();
        if (items.Count == 0) errors["checklist"] = ["请至少填写一项检查内容"];
        else if (items.Count > CampaignFacts.MaxChecklist) errors["checklist"] = [$"检查清单最多 {CampaignFacts.MaxChecklist} 项（填写了 {items.Count} 项）"];
        else if (items.Select((i, n) => (i, n)).Where(x => x.i.Length > CampaignFacts.MaxItem).Select(x => $"检查清单第 {x.n + 1} 项超过 {CampaignFacts.MaxItem} 个字").ToArray() is { Length: > 0 } tooLong)
            errors["checklist"] = tooLong;

        var tasks = r.TargetKind switch
        {
            CampaignTargetKind.Grids => await GridTasksAsync(r.Grids, errors, ct),
            CampaignTargetKind.Addresses => await AddressTasksAsync(r.AddressIds, errors, ct),
            _ => Fail(errors, "targetKind", "请选择对象：按网格或按地址"),
        };
        if (errors.Count > 0) return Result<CampaignDetail>.Invalid(errors);

        var campaign = new Campaign
        {
            UnitCode = user.UnitCode, GridCode = OrgCode.Pad(user.UnitCode), Name = name, Description = description, StartsOn = r.StartsOn!.Value,
            EndsOn = r.EndsOn!.Value, Checklist = string.Join('\n', items), TargetKind = r.TargetKind!.Value, PublishedById = user.UserId ?? 0,
            PublishedByName = user.DisplayName, PublishedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(campaign);
        // Tasks name their campaign by a column, not a relationship: the campaign's id must exist before
        // they are written. One transaction keeps it one write (the request's client id goes in with the
        // first save); the chain's turn is taken first so that no other writer waits between the saves.
        await using (await db.HoldAuditChainAsync(ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            foreach (var t in tasks) t.CampaignId = campaign.Id;
            db.AddRange(tasks);
            // Thousands of tasks are one audit record: how many, of which campaign.
            db.AuditSummary = new AuditSummary("Create", nameof(CampaignTask), campaign.Id.ToString(), campaign.GridCode,
                System.Text.Json.JsonSerializer.Serialize(new { CampaignId = campaign.Id, Tasks = tasks.Count }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var detail = await get.HandleAsync(campaign.Id, ct);
        return detail.Succeeded ? Result<CampaignDetail>.Created(detail.Value!, $"/api/v1/terminal/campaigns/{campaign.Id}") : detail;
    }

    static void CheckPeriod(DateOnly? start, DateOnly? end, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (start is null) errors["startsOn"] = ["请选择开始日期"];
        if (end is null) errors["endsOn"] = ["请选择结束日期"];
        if (start is not { } s || end is not { } e) return;
        if (e < s) errors["endsOn"] = ["结束日期不能早于开始日期"];
        else if (e > s.AddYears(1)) errors["endsOn"] = ["专项工作的期限不能超过一年"];
        else if (e < today) errors["endsOn"] = ["结束日期不能早于今天"];
    }

    static List<CampaignTask> Fail(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return [];
    }

    // Grids of the caller's own unit that the caller sees; their names are the targets.
    async Task<List<CampaignTask>> GridTasksAsync(List<long>? grids, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var codes = (grids ?? []).Distinct().ToList();
        if (codes.Count == 0) return Fail(errors, "grids", "请选择至少一个网格");
        if (codes.Count > CampaignFacts.MaxAddresses) return Fail(errors, "grids", $"网格最多 {CampaignFacts.MaxAddresses} 个");
        var (from, to) = OrgCode.Subtree(user.UnitCode);
        var visible = await db.OrgUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == OrgLevel.Grid)
            .Select(u => new { u.Code, u.Name }).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var wrong = new List<string>();
        foreach (var c in codes.Where(c => !visible.ContainsKey(c) || c < from || c > to))
        {
            var known = OrgCode.LevelOf(c) == OrgLevel.Grid ? await places.NameAsync(c, ct) : null;
            wrong.Add(known is null ? $"网格 {c} 不存在" : $"网格“{known}”（{c}）不在您的辖区内");
        }
        if (wrong.Count > 0) { errors["grids"] = [.. wrong]; return []; }
        return [.. codes.Order().Select(c => new CampaignTask { GridCode = c, Target = visible[c] })];
    }

    // Addresses of the caller's area (the registry's, through the data scope); each task lies in its address's grid.
    async Task<List<CampaignTask>> AddressTasksAsync(List<long>? ids, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0) return Fail(errors, "addressIds", "请选择至少一个地址");
        if (wanted.Count > CampaignFacts.MaxAddresses) return Fail(errors, "addressIds", $"地址最多 {CampaignFacts.MaxAddresses:N0} 个（选择了 {wanted.Count:N0} 个）");
        var (from, to) = OrgCode.Subtree(user.UnitCode);
        var found = new Dictionary<long, (long Grid, string Name)>();
        foreach (var chunk in wanted.Chunk(500))
            foreach (var a in await db.Set<Address>().AsNoTracking().Where(a => chunk.Contains(a.Id) && a.GridCode >= from && a.GridCode <= to)
                .Select(a => new { a.Id, a.GridCode, a.FullName }).ToListAsync(ct))
                found[a.Id] = (a.GridCode, a.FullName);
        if (wanted.Where(i => !found.ContainsKey(i)).Select(i => $"地址（编号 {i}）不存在或不在您的辖区内").ToArray() is { Length: > 0 } missing)
        {
            errors["addressIds"] = missing;
            return [];
        }
        return [.. wanted.Select(i => new CampaignTask { GridCode = found[i].Grid, AddressId = i, Target = Cut(found[i].Name, 200) })
            .OrderBy(t => t.GridCode).ThenBy(t => t.Target, StringComparer.Ordinal)];
    }

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
