using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Registry.Party;

// The party part of the registry: its use cases and its endpoints under /api/v1/registry.
static class PartySlice
{
    public static IServiceCollection AddParty(this IServiceCollection services)
    {
        services.AddScoped<PartyOrgs>();
        services.AddScoped<PartyMembers>();
        services.AddScoped<ExportPartyMembers>();
        services.AddScoped<RecordPartyActivity>();
        services.AddScoped<PartyParticipation>();
        services.AddSingleton<IImportTarget, PartyMemberImport>();
        return services;
    }

    public static void MapParty(this RouteGroupBuilder registry)
    {
        var g = registry.MapGroup("/party");
        g.MapGet("/orgs", async (PartyOrgs u, CancellationToken ct) => (await u.TreeAsync(ct)).ToHttp())
            .WithName("ListPartyOrgs").WithSummary("本辖区党组织树（社区党委、党支部、网格党小组）及党员人数");
        g.MapPost("/orgs", async (SavePartyOrg r, PartyOrgs u, CancellationToken ct) => (await u.CreateAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CreatePartyOrg").WithSummary("新建党组织");
        g.MapPut("/orgs/{id:long}", async (long id, SavePartyOrg r, PartyOrgs u, CancellationToken ct) => (await u.EditAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("EditPartyOrg").WithSummary("修改党组织：名称、类型、上级、所在社区或网格、书记");
        g.MapGet("/members", async ([AsParameters] PartyMemberQuery q, PartyMembers u, CancellationToken ct) => (await u.ListAsync(q, ct)).ToHttp())
            .WithName("ListPartyMembers").WithSummary("党员列表（按党组织、党员类别、流动党员、报到情况、姓名筛选；号码脱敏）");
        g.MapGet("/members/export", async ([AsParameters] PartyMemberQuery q, ExportPartyMembers u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportPartyMembers").WithSummary("按当前条件导出党员（全部页，Excel；号码脱敏）");
        g.MapGet("/members/{id:long}", async (long id, PartyMembers u, CancellationToken ct) =>
                (await u.OneAsync(id, ct) is { } row ? Result<PartyMemberRow>.Ok(row) : Result<PartyMemberRow>.NotFound()).ToHttp())
            .WithName("GetPartyMember").WithSummary("党员详情（号码脱敏）");
        g.MapPost("/members", async (SavePartyMember r, PartyMembers u, CancellationToken ct) => (await u.AddAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("AddPartyMember").WithSummary("将实有人口中的人员登记为党员");
        g.MapPut("/members/{id:long}", async (long id, SavePartyMember r, PartyMembers u, CancellationToken ct) => (await u.EditAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("EditPartyMember").WithSummary("修改党员信息：所在党组织、类别、入党日期、流动、报到、网格职务");
        g.MapPost("/members/{id:long}/removal", async (long id, RemovePartyMember r, PartyMembers u, CancellationToken ct) => (await u.RemoveAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("RemovePartyMember").WithSummary("移除党员（注明原因，如组织关系转出；记录保留）");
        g.MapPost("/members/{id:long}/activities", async (long id, SavePartyActivity r, RecordPartyActivity u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("RecordPartyActivity").WithSummary("记录党员参与网格工作（志愿服务、组织生活、协助网格工作等，日期与时长）");
        g.MapGet("/members/{id:long}/activities", async (long id, PartyParticipation u, CancellationToken ct) => (await u.MemberAsync(id, ct: ct)).ToHttp())
            .WithName("ListPartyActivities").WithSummary("党员的参与记录及本年度累计时长");
        g.MapGet("/orgs/summary", async (PartyParticipation u, CancellationToken ct) => (await u.OrgsAsync(ct)).ToHttp())
            .WithName("ListPartyOrgSummaries").WithSummary("本辖区各党组织（含下级）的党员人数与本年度参与时长");
        g.MapGet("/orgs/{id:long}/summary", async (long id, PartyParticipation u, CancellationToken ct) => (await u.OrgAsync(id, ct)).ToHttp())
            .WithName("GetPartyOrgSummary").WithSummary("党组织（含下级）的党员及各自本年度参与时长");
    }
}
