using GridGov.Features.Organization;
using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity;

// The demo accounts of README, one per role of the ticket loop, along the demo path.
static class DemoAccounts
{
    public sealed record Account(string User, string Name, OrgUnit Unit, DataScopeKind Scope, string[] Roles, long? Department);

    public static IEnumerable<Account> Along(List<OrgUnit> path, long? streetCityManagement)
    {
        var (city, district, street, community, grid) = (path[0], path.ElementAtOrDefault(1), path.ElementAtOrDefault(2), path.ElementAtOrDefault(3), path.LastOrDefault());
        // A path cut short (a city without streets) has no account for the missing units.
        Account? At(OrgUnit? unit, string user, string name, DataScopeKind scope, string[] roles, long? department = null) =>
            unit is null ? null : new(user, name, unit, scope, roles, department);
        return new[]
        {
            At(city, "admin", "系统管理员", DataScopeKind.All, [BuiltInRoles.CityAdmin]),
            At(city, "auditor", "审计员", DataScopeKind.All, [BuiltInRoles.Auditor]),
            At(district, "district", $"{district?.Name}指挥中心", DataScopeKind.UnitAndBelow,
                [BuiltInRoles.DistrictAdmin, BuiltInRoles.Acceptor, BuiltInRoles.Dispatcher, BuiltInRoles.DutyChief]),
            At(street, "street", $"{street?.Name}指挥中心", DataScopeKind.UnitAndBelow,
                [BuiltInRoles.Acceptor, BuiltInRoles.Dispatcher, BuiltInRoles.DutyChief]),
            At(street, "acceptor", $"{street?.Name}受理员", DataScopeKind.UnitAndBelow, [BuiltInRoles.Acceptor]),
            At(street, "dispatcher", $"{street?.Name}派遣员", DataScopeKind.UnitAndBelow, [BuiltInRoles.Dispatcher]),
            At(street, "chief", $"{street?.Name}值班长", DataScopeKind.UnitAndBelow, [BuiltInRoles.DutyChief]),
            At(street, "handler", $"{street?.Name}城管中队处置员", DataScopeKind.UnitAndBelow, [BuiltInRoles.DepartmentHandler], streetCityManagement),
            At(community, "community", $"{community?.Name}社区主任", DataScopeKind.UnitAndBelow, [BuiltInRoles.CommunityDirector]),
            At(grid, "grid", $"{grid?.Name}网格员", DataScopeKind.UnitAndBelow, [BuiltInRoles.GridWorker]),
        }.OfType<Account>();
    }
}
