using GridGov.Infrastructure.Files;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

// How tickets and their parts read in the audit log: 工单「GD-2026120400000012」, states by their Chinese names.
sealed class TicketAuditNames : AuditNames
{
    static readonly Dictionary<string, string> Limits = new()
    {
        ["AcceptLimit"] = "受理时限", ["DispatchLimit"] = "派遣时限", ["HandleLimit"] = "处置时限", ["VerifyLimit"] = "核查时限",
    };

    static string? State(string v) => Enum.TryParse<TicketState>(v, out var s) ? TicketFlow.StateName(s) : null;
    static string? Source(string v) => Enum.TryParse<TicketSource>(v, out var s) ? TicketNames.Source(s) : null;

    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(Ticket), "工单")
        {
            Properties = new Dictionary<string, string>
            {
                ["Id"] = "编号", ["ClientRequestId"] = "终端请求号", ["CategoryId"] = "类别", ["Description"] = "描述", ["Address"] = "地址",
                ["Lon"] = "经度", ["Lat"] = "纬度", ["GridCode"] = "网格编码", ["CentreCode"] = "指挥中心", ["Source"] = "来源",
                ["ReporterId"] = "上报人编号", ["ReporterName"] = "上报人", ["ReporterPhone"] = "上报人电话", ["State"] = "状态", ["Urgent"] = "紧急",
                ["SelfHandled"] = "自行处置", ["Supervision"] = "督办", ["ReportedAt"] = "上报时间", ["UpdatedAt"] = "更新时间", ["DueAt"] = "时限",
                ["HandleDueAt"] = "处置时限至", ["LeadDepartmentId"] = "主办部门", ["ReworkCount"] = "返工次数", ["ReturnCount"] = "回退次数",
                ["ExtensionCount"] = "延期次数", ["Pending"] = "待审批申请", ["PendingNote"] = "申请说明", ["PendingDays"] = "申请天数",
                ["PrimaryId"] = "主工单", ["Result"] = "处置结果", ["Evaluation"] = "评价", ["EvaluationNote"] = "评价说明", ["ClosedAt"] = "结案时间",
                ["tickets"] = "工单数", ["events"] = "流转记录数", ["assignments"] = "派遣数", ["dispatchRules"] = "派遣规则数", ["seed"] = "随机种子",
            }.Concat(Limits).ToDictionary(),
            // The optimistic-concurrency counter: changes with every save.
            Hidden = ["Version"],
            Values = new Dictionary<string, Func<string, string?>>
            {
                ["State"] = State, ["Source"] = Source,
                ["Supervision"] = v => Enum.TryParse<Supervision>(v, out var s) ? (s == Supervision.None ? "无" : TicketNames.Supervision(s)) : null,
                ["Evaluation"] = v => Enum.TryParse<Evaluation>(v, out var e) ? TicketNames.Evaluation(e) : null,
                ["Pending"] = v => v switch { nameof(PendingRequest.None) => "无", nameof(PendingRequest.Extension) => "延期", nameof(PendingRequest.Shelve) => "挂账", _ => null },
            }.Concat(LimitValues).ToDictionary(),
            Resolve = TicketsAsync,
            // A ticket number is its China report date and its id (Ticket.NumberOf).
            Search = (_, text, _) => Task.FromResult(text.Length == 15 && long.TryParse(text[8..], out var id) ? new List<string> { id.ToString() } : []),
        },
        new(nameof(TicketAssignment), "工单派遣")
        {
            Properties = new() { ["Id"] = "编号", ["TicketId"] = "工单", ["DepartmentId"] = "部门", ["Lead"] = "主办", ["Active"] = "有效", ["AssignedAt"] = "派遣时间" },
        },
        new(nameof(TicketEvent), "工单流转")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["TicketId"] = "工单", ["At"] = "时间", ["ActorId"] = "操作人编号", ["ActorName"] = "操作人", ["Action"] = "动作",
                ["From"] = "原状态", ["To"] = "新状态", ["Note"] = "说明", ["Photos"] = "照片", ["DepartmentId"] = "部门",
            },
            Values = new() { ["Action"] = v => Enum.TryParse<TicketAction>(v, out var a) ? TicketFlow.ActionName(a) : null, ["From"] = State, ["To"] = State },
        },
        new(nameof(Notification), "通知")
        {
            Properties = new() { ["Id"] = "编号", ["UserId"] = "接收人", ["TicketId"] = "工单", ["At"] = "时间", ["Text"] = "内容", ["Read"] = "已读" },
        },
        new(nameof(PhotoUpload), "照片上传")
        {
            Properties = new() { ["Id"] = "编号", ["PhotoId"] = "照片编号", ["UploaderId"] = "上传人", ["UploadedAt"] = "上传时间" },
        },
        new(nameof(DispatchRule), "派遣规则")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["Order"] = "顺序", ["Name"] = "名称", ["Enabled"] = "启用", ["AreaCode"] = "区域", ["GridCode"] = "网格编码",
                ["CategoryCode"] = "类别", ["Keywords"] = "关键词", ["Source"] = "来源", ["FromHour"] = "起始时", ["ToHour"] = "截止时", ["DepartmentId"] = "派往部门",
            },
            Values = new() { ["Source"] = Source },
        },
        new(nameof(TicketCategory), "工单类别")
        {
            Properties = new Dictionary<string, string>
            {
                ["Id"] = "编号", ["Code"] = "代码", ["ParentCode"] = "上级代码", ["Name"] = "名称", ["Kind"] = "大类", ["Urgent"] = "紧急",
                ["RadiusMeters"] = "半径（米）", ["DepartmentKind"] = "部门类型", ["Enabled"] = "启用", ["categories"] = "类别数",
            }.Concat(Limits).ToDictionary(),
            Values = new Dictionary<string, Func<string, string?>>
            {
                ["Kind"] = v => v switch { nameof(CategoryKind.Event) => "事件", nameof(CategoryKind.Component) => "部件", nameof(CategoryKind.Governance) => "社会治理", _ => null },
            }.Concat(LimitValues).ToDictionary(),
        },
    ];

    // A limit as stored ("2h", "1.5d") in words ("2 工作小时").
    static IEnumerable<KeyValuePair<string, Func<string, string?>>> LimitValues =>
        Limits.Keys.Select(k => KeyValuePair.Create(k, (Func<string, string?>)(v => Limit.TryParse(v, out var l) ? l.Text : null)));

    static async Task<Dictionary<string, string>> TicketsAsync(GridDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => long.TryParse(k, out var id) ? id : -1).Where(id => id >= 0).Distinct().ToList();
        var tickets = await db.Set<Ticket>().IgnoreQueryFilters().AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.ReportedAt }).ToListAsync(ct);
        return tickets.ToDictionary(t => t.Id.ToString(), t => Ticket.NumberOf(t.Id, t.ReportedAt));
    }
}
