namespace GridGov.Infrastructure.Security;

// Named permissions; each is also an authorization policy of the same name.
public static class Permissions
{
    public const string ClaimType = "perm";

    public const string OrgView = "org.view";
    public const string OrgManage = "org.manage";
    public const string UsersView = "users.view";
    public const string UsersManage = "users.manage";
    public const string RolesManage = "roles.manage";
    public const string AuditView = "audit.view";
    public const string TicketsReport = "tickets.report";
    public const string TicketsAccept = "tickets.accept";
    public const string TicketsDispatch = "tickets.dispatch";
    public const string TicketsHandle = "tickets.handle";
    public const string TicketsVerify = "tickets.verify";
    public const string TicketsClose = "tickets.close";
    public const string TicketsSupervise = "tickets.supervise";
    public const string TicketsConfigure = "tickets.configure";
    public const string RegistryView = "registry.view";
    public const string RegistryEdit = "registry.edit";
    public const string RegistryImport = "registry.import";
    public const string RegistryUnmask = "registry.unmask";
    public const string RegistrySpecial = "registry.special";
    public const string TerminalTeam = "terminal.team";
    public const string CampaignsPublish = "campaigns.publish";
    public const string AnalyticsView = "analytics.view";
    public const string WarningsHandle = "warnings.handle";

    // Permissions over accounts and the system itself (the ticket settings included): an account
    // manager can only pass on those it holds. Work permissions (tickets, registry) any account manager
    // may grant within its scope.
    public static readonly IReadOnlySet<string> Administrative = new HashSet<string> { OrgManage, UsersManage, RolesManage, AuditView, TicketsConfigure };

    // A policy, not a permission: held by whoever holds one of the ticket permissions below.
    public const string TicketsAny = "tickets.any";
    public static readonly string[] TicketWork = [TicketsReport, TicketsAccept, TicketsDispatch, TicketsHandle, TicketsVerify, TicketsClose, TicketsSupervise, TicketsConfigure];

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [OrgView] = "查看组织与网格",
        [OrgManage] = "导入与维护组织",
        [UsersView] = "查看用户",
        [UsersManage] = "管理用户",
        [RolesManage] = "管理角色与权限",
        [AuditView] = "查看审计日志",
        [TicketsReport] = "上报事件",
        [TicketsAccept] = "受理事件",
        [TicketsDispatch] = "派遣事件",
        [TicketsHandle] = "处置事件",
        [TicketsVerify] = "核查事件",
        [TicketsClose] = "结案",
        [TicketsSupervise] = "督办",
        [TicketsConfigure] = "管理事件分类、派遣规则与工作日历",
        [RegistryView] = "查看基础信息",
        [RegistryEdit] = "采集基础信息",
        [RegistryImport] = "导入基础信息",
        [RegistryUnmask] = "查看完整的身份证号与电话（逐条留痕）",
        [RegistrySpecial] = "查看特殊人群",
        [TerminalTeam] = "查看辖区内网格员的工作清单与巡查轨迹",
        [CampaignsPublish] = "发布重点专项工作",
        [AnalyticsView] = "查看全景态势与统计分析",
        [WarningsHandle] = "处置预警（确认、转督办或转工单）",
    };
}
