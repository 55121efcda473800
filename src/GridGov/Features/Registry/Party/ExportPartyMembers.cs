using GridGov.Infrastructure.Export;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Registry.Party;

// "导出" of the member list: every member of the list's filter (all pages, caller's area), numbers masked.
public sealed class ExportPartyMembers(PartyMembers members, XlsxExport export)
{
    public async Task<IResult> HandleAsync(PartyMemberQuery q, CancellationToken ct = default)
    {
        // A community's members are hundreds, a street's a few thousand: read page by page.
        var rows = new List<PartyMemberRow>();
        for (var page = 1; ; page++)
        {
            var result = await members.ListAsync(q with { Page = page, PageSize = 200 }, ct);
            if (!result.Succeeded) return result.ToHttp();
            rows.AddRange(result.Value!.Items);
            if (rows.Count >= result.Value.Total || result.Value.Items.Count == 0) break;
        }
        XlsxColumn<PartyMemberRow>[] columns =
        [
            new("姓名", r => r.Name, 10),
            new("性别", r => r.Gender, 6),
            new("公民身份号码", r => r.IdMasked, 22),
            new("联系电话", r => r.PhoneMasked, 14),
            new("党员类别", r => r.StatusName, 10),
            new("入党日期", r => r.JoinedOn?.ToString("yyyy-MM-dd"), 12),
            new("所在党组织", r => r.OrgName, 26),
            new("流动党员", r => r.Mobile ? "是" : "否", 8),
            new("已报到", r => r.ReportedToCommunity ? "是" : "否", 8),
            new("网格职务", r => r.Duty, 16),
            new("网格", r => r.GridName, 24),
        ];
        var filter = string.Join("；", new[]
        {
            q.Org is { } org ? $"党组织：{rows.FirstOrDefault(r => r.PartyOrgId == org)?.OrgName ?? org.ToString()}" : null,
            q.Status is { } s ? $"党员类别：{PartyNames.Status(s)}" : null,
            q.Mobile is { } m ? $"流动党员：{(m ? "是" : "否")}" : null,
            q.Reported is { } r ? $"已报到：{(r ? "是" : "否")}" : null,
            string.IsNullOrWhiteSpace(q.Keyword) ? null : $"姓名：{q.Keyword.Trim()}",
        }.OfType<string>());
        return await export.FileAsync(rows, columns, nameof(PartyMember), "党员", filter, ct);
    }
}
