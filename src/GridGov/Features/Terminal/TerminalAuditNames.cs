using GridGov.Features.Terminal.Campaigns;
using GridGov.Features.Terminal.Patrols;
using GridGov.Infrastructure.Database;

namespace GridGov.Features.Terminal;

public static class TerminalNames
{
    public static string TaskState(CampaignTaskState s) => s == CampaignTaskState.Done ? "已完成" : "待完成";
    public static string Target(CampaignTargetKind k) => k == CampaignTargetKind.Grids ? "按网格" : "按地址";
}

sealed class TerminalAuditNames : AuditNames
{
    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(Patrol), "巡查")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["GridCode"] = "网格编码", ["WorkerId"] = "网格员编号", ["WorkerName"] = "网格员", ["StartedAt"] = "开始时间",
                ["EndedAt"] = "结束时间", ["DistanceMeters"] = "里程（米）", ["PointCount"] = "轨迹点数", ["ScanCount"] = "扫码地址数", ["Note"] = "备注",
                // A batch of track points is recorded as one summary (AddPatrolPoints).
                ["Added"] = "本次新增轨迹点", ["Dropped"] = "本次舍弃轨迹点",
            },
        },
        new(nameof(PatrolPoint), "巡查轨迹点")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["PatrolId"] = "巡查", ["GridCode"] = "网格编码", ["At"] = "时间", ["Lon"] = "经度", ["Lat"] = "纬度",
                ["Accuracy"] = "精度（米）", ["AddressId"] = "扫码地址",
            },
        },
        new(nameof(Campaign), "专项工作")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["GridCode"] = "网格编码", ["UnitCode"] = "发布单位", ["Name"] = "名称", ["Description"] = "说明", ["StartsOn"] = "开始日期",
                ["EndsOn"] = "结束日期", ["Checklist"] = "检查清单", ["TargetKind"] = "对象", ["PublishedById"] = "发布人编号", ["PublishedByName"] = "发布人",
                ["PublishedAt"] = "发布时间", ["ClosedAt"] = "结束时间", ["Version"] = "版本",
            },
            Values = new() { ["TargetKind"] = v => Enum.TryParse<CampaignTargetKind>(v, out var k) ? TerminalNames.Target(k) : null },
        },
        new(nameof(CampaignTask), "专项任务")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["CampaignId"] = "专项工作", ["GridCode"] = "网格编码", ["AddressId"] = "地址", ["Target"] = "对象", ["State"] = "状态",
                ["DoneAt"] = "完成时间", ["DoneById"] = "完成人编号", ["DoneByName"] = "完成人", ["Answers"] = "检查结果", ["Note"] = "情况说明",
                ["Photos"] = "照片", ["Lon"] = "经度", ["Lat"] = "纬度", ["Version"] = "版本",
                // The publishing's one record for all its tasks.
                ["Tasks"] = "任务数",
            },
            Values = new() { ["State"] = v => Enum.TryParse<CampaignTaskState>(v, out var s) ? TerminalNames.TaskState(s) : null },
        },
    ];

    public override IEnumerable<(string Action, string Name)> Actions() => [(AddPatrolPoints.Action, "上传巡查轨迹")];
}
