using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Party;

public static class PartyNames
{
    public static string Kind(PartyOrgKind k) => k switch
    {
        PartyOrgKind.Committee => "党委", PartyOrgKind.GeneralBranch => "党总支", PartyOrgKind.Branch => "党支部", _ => "党小组",
    };

    public static string Status(PartyMemberStatus s) => s == PartyMemberStatus.Full ? "正式党员" : "预备党员";

    public static string Activity(PartyActivityKind k) => k switch
    {
        PartyActivityKind.Volunteer => "志愿服务", PartyActivityKind.Meeting => "组织生活", PartyActivityKind.GridWork => "协助网格工作", _ => "其他",
    };
}

sealed class PartyAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(PartyActivity), "党员参与记录")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["GridCode"] = "网格编码", ["PartyMemberId"] = "党员", ["PersonId"] = "人员", ["Kind"] = "类型", ["Title"] = "内容",
                ["On"] = "日期", ["Hours"] = "时长（小时）", ["RecordedById"] = "记录人编号", ["RecordedByName"] = "记录人", ["RecordedAt"] = "记录时间",
            },
            Values = new() { ["Kind"] = v => Enum.TryParse<PartyActivityKind>(v, out var k) ? PartyNames.Activity(k) : null },
        },
        new(nameof(PartyOrg), "党组织")
        {
            Properties = RegistryAuditNames.With(new()
            {
                ["Name"] = "名称", ["Kind"] = "类型", ["ParentId"] = "上级党组织", ["UnitId"] = "所在单位", ["SecretaryId"] = "书记",
                ["SecretaryName"] = "书记姓名", ["FoundedOn"] = "成立日期",
            }),
            Values = new(RegistryAuditNames.RecordValues) { ["Kind"] = v => Enum.TryParse<PartyOrgKind>(v, out var k) ? PartyNames.Kind(k) : null },
            Resolve = (db, keys, ct) => RegistryAuditNames.NamesAsync(db.Set<PartyOrg>(), keys, o => new RegistryAuditNames.IdName(o.Id, o.Name), ct),
            Search = async (db, text, ct) => await db.Set<PartyOrg>().IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.Name.Contains(text)).Select(o => o.Id.ToString()).Take(500).ToListAsync(ct),
        },
        new(nameof(PartyMember), "党员")
        {
            Properties = RegistryAuditNames.With(new()
            {
                ["PersonId"] = "人员", ["PartyOrgId"] = "所在党组织", ["Status"] = "党员类别", ["JoinedOn"] = "入党日期", ["Mobile"] = "流动党员",
                ["ReportedToCommunity"] = "已到社区报到", ["Duty"] = "网格职务", ["RemovalReason"] = "移除原因",
            }),
            Values = new(RegistryAuditNames.RecordValues) { ["Status"] = v => Enum.TryParse<PartyMemberStatus>(v, out var s) ? PartyNames.Status(s) : null },
        },
    ];
}
