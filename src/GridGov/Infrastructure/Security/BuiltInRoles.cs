using static GridGov.Infrastructure.Security.Permissions;

namespace GridGov.Infrastructure.Security;

// The roles of DESIGN.md §1, seeded on first start; admins may edit their permissions or add roles.
public static class BuiltInRoles
{
    public const string CityAdmin = "city_admin";
    public const string DistrictAdmin = "district_admin";
    public const string Acceptor = "acceptor";
    public const string Dispatcher = "dispatcher";
    public const string DutyChief = "duty_chief";
    public const string DepartmentHandler = "department_handler";
    public const string CommunityDirector = "community_director";
    public const string CommunitySecretary = "community_secretary";
    public const string CommunityDeputy = "community_deputy";
    public const string StreetLeader = "street_leader";
    public const string SocialWorker = "social_worker";
    public const string GridWorker = "grid_worker";
    public const string Auditor = "auditor";

    public sealed record Definition(string Name, string DisplayName, string Description, string[] Permissions);

    // A community's director, secretary and deputy lead its grid work alike (the plan's 网格工作清单).
    static readonly string[] CommunityLead =
        [OrgView, UsersView, RegistryView, RegistryEdit, RegistryImport, RegistryUnmask, RegistrySpecial, TicketsReport, TerminalTeam, CampaignsPublish, AnalyticsView];

    public static readonly Definition[] All =
    [
        new(CityAdmin, "市级管理员", "全市组织、账号、角色与审计的管理", [.. Permissions.All.Keys]),
        new(DistrictAdmin, "区级管理员", "本区组织与账号管理", [OrgView, OrgManage, UsersView, UsersManage, AuditView, TicketsConfigure]),
        new(Acceptor, "受理员", "区/街道指挥中心：受理、立案", [OrgView, TicketsReport, TicketsAccept]),
        new(Dispatcher, "派遣员", "区/街道指挥中心：派遣到职能部门", [OrgView, TicketsDispatch, AnalyticsView]),
        new(DutyChief, "值班长", "区/街道指挥中心：结案、督办、处置预警", [OrgView, TicketsClose, TicketsSupervise, UsersView, AnalyticsView, WarningsHandle]),
        new(DepartmentHandler, "部门处置人员", "职能部门：处置与反馈", [OrgView, TicketsHandle]),
        new(CommunityDirector, "社区主任", "社区：基础信息与网格工作管理", CommunityLead),
        new(CommunitySecretary, "社区书记", "社区：网格工作与党建的领导", CommunityLead),
        new(CommunityDeputy, "社区副主任", "社区：协助主任管理网格工作", CommunityLead),
        new(StreetLeader, "街道领导", "街道：查看本街道及所属社区的网格工作，发布专项工作", [OrgView, UsersView, RegistryView, TicketsReport, TerminalTeam, CampaignsPublish, TicketsSupervise, AnalyticsView, WarningsHandle]),
        new(SocialWorker, "社工", "社区：走访与基础信息采集", [OrgView, RegistryView, RegistryEdit, RegistryImport]),
        new(GridWorker, "网格员", "网格：巡查、上报、核查、采集", [OrgView, RegistryView, RegistryEdit, TicketsReport, TicketsVerify]),
        new(Auditor, "审计员", "查看审计日志与账号", [OrgView, UsersView, AuditView]),
    ];
}
