using GridGov.Features.Organization;
using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity;

// The demo accounts of README, one per role of the ticket loop, along the demo path.
static class DemoAccounts
{
    public sealed record Account(string User, string Name, OrgUnit Unit, DataScopeKind Scope, string[] Roles, long? Department);

    public static IEnumerable<Account> Along(List<OrgUnit> path, long? streetCityManagement)
    {
        var (city, district, street, grid) = (path[0], path.ElementAtOrDefault(1), path.ElementAtOrDefault(2), path.LastOrDefault());
        var accounts = new List<(string User, string Name, OrgUnit? Unit, DataScopeKind Scope, string[] Roles, long? Department)>
        {
            ("admin", "系统管理员", city, DataScopeKind.All, [BuiltInRoles.CityAdmin], null),
            ("auditor", "审计员", city, DataScopeKind.All, [BuiltInRoles.Auditor], null),
            ("district", $"{district?.Name}指挥中心", district, DataScopeKind.UnitAndBelow,
                [BuiltInRoles.DistrictAdmin, BuiltInRoles.Acceptor, BuiltInRoles.Dispatcher, BuiltInRoles.DutyChief], null),
            ("street", $"{street?.Name}指挥中心", street, DataScopeKind.UnitAndBelow,
                [BuiltInRoles.Acceptor, BuiltInRoles.Dispatcher, BuiltInRoles.DutyChief], null),
            ("acceptor", $"{street?.Name}受理员", street, DataScopeKind.UnitAndBelow, [BuiltInRoles.Acceptor], null),
            ("dispatcher", $"{street?.Name}派遣员", street, DataScopeKind.UnitAndBelow, [BuiltInRoles.Dispatcher], null),
            ("chief", $"{street?.Name}值班长", street, DataScopeKind.UnitAndBelow, [BuiltInRoles.DutyChief], null),
            ("handler", $"{street?.Name}城管中队处置员", street, DataScopeKind.UnitAndBelow, [BuiltInRoles.DepartmentHandler], streetCityManagement),
            ("grid", $"{grid?.Name}网格员", grid, DataScopeKind.UnitAndBelow, [BuiltInRoles.GridWorker], null),
        };
        return accounts.Where(a => a.Unit is not null).Select(a => new Account(a.User, a.Name, a.Unit!, a.Scope, a.Roles, a.Department));
    }
}
