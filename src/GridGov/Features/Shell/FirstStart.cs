using System.Security.Cryptography;
using System.Text;
using GridGov.Features.Audit;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Shell;

// Brings a data folder up to date on every start; on the first start it imports the demo city,
// creates the accounts, whose generated passwords are printed once and kept in the data folder, and
// gives the demo district a history of tickets.
sealed class FirstStart(GridDatabase database, ImportCity import, Tickets.SeedTicketData seedTickets, Tickets.Demo.DemoTickets demoTickets,
    UserManager<AppUser> users, RoleManager<AppRole> roles, DataFolder folder, IConfiguration config, ILogger<FirstStart> log)
{
    public const string AccountsFile = "initial-accounts.txt";

    public async Task RunAsync(CancellationToken ct = default)
    {
        await using (var db = database.CreateUnscoped(AuditActor.System))
            await db.Database.MigrateAsync(ct);
        await SeedRolesAsync();
        var cityCode = config.GetValue<long?>("GridGov:DemoCity") ?? 3201;
        var imported = cityCode > 0 && await ImportDemoCityAsync(cityCode, ct);
        await using (var db = database.CreateUnscoped(AuditActor.System))
            if (cityCode > 0 && await db.OrgUnits.AnyAsync(u => u.Code == cityCode, ct) && await SeedDepartments.ForCityAsync(db, cityCode, ct) is > 0 and var n)
                Console.WriteLine($"  已建立示范职能部门 {n} 个");
        await seedTickets.RunAsync(ct);
        await CreateAccountsAsync(ct);
        // After the accounts, so that the demo accounts appear in the history they would have made.
        if (imported) await demoTickets.RunAsync(ct);
    }

    // Each built-in role with its permissions in one save: a crash never leaves a role half-made.
    async Task SeedRolesAsync()
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        foreach (var def in BuiltInRoles.All)
        {
            if (await roles.FindByNameAsync(def.Name) is not null) continue;
            var role = new AppRole
            {
                Name = def.Name, NormalizedName = roles.NormalizeKey(def.Name), ConcurrencyStamp = Guid.NewGuid().ToString(),
                DisplayName = def.DisplayName, Description = def.Description, BuiltIn = true,
            };
            db.Roles.Add(role);
            await db.SaveChangesAsync();
            db.RoleClaims.AddRange(def.Permissions.Select(p => new IdentityRoleClaim<long> { RoleId = role.Id, ClaimType = Permissions.ClaimType, ClaimValue = p }));
            await db.SaveChangesAsync();
        }
    }

    // True when the city was imported now (the first start), not found from an earlier start.
    async Task<bool> ImportDemoCityAsync(long cityCode, CancellationToken ct)
    {
        await using (var db = database.CreateUnscoped(AuditActor.System))
            if (await db.OrgUnits.AnyAsync(ct)) return false;
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var slice = Directory.GetDirectories(Path.Combine(data, "divisions"), $"*-{cityCode}").FirstOrDefault();
        var boundaries = Directory.GetFiles(Path.Combine(data, "boundaries"), $"*-{cityCode}-*.geojson").FirstOrDefault();
        if (slice is null || boundaries is null)
        {
            log.LogWarning("No shipped data for demo city {City}; start without a city", cityCode);
            return false;
        }
        Console.WriteLine($"首次启动：正在导入示范城市 {cityCode} …");
        var report = await import.RunAsync(new ImportCityRequest(cityCode, slice, boundaries), AuditActor.System, ct);
        foreach (var line in report.Lines()) Console.WriteLine("  " + line);
        return report.Succeeded;
    }

    // Each account's password reaches the file as soon as the account exists, so a crash half-way
    // loses none; the next start finishes the list (the file marks the first start as unfinished or done).
    async Task CreateAccountsAsync(CancellationToken ct)
    {
        var file = Path.Combine(folder.Path, AccountsFile);
        if (await users.Users.AnyAsync(ct) && !File.Exists(file)) return;
        List<OrgUnit> path;
        await using (var db = database.CreateUnscoped(AuditActor.System))
            path = await DemoPathAsync(db, ct);
        if (path.Count == 0) return;

        var (city, district, street, grid) = (path[0], path.ElementAtOrDefault(1), path.ElementAtOrDefault(2), path.LastOrDefault());
        long? streetCityManagement;
        await using (var db = database.CreateUnscoped(AuditActor.System))
            streetCityManagement = await db.Departments.Where(d => d.OrgUnitCode == street!.Code && d.Kind == "城管").Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);
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
        if (!File.Exists(file))
        {
            await File.WriteAllTextAsync(file, "GridGov 初始账号（仅在首次启动时生成；请登录后修改密码并妥善保管本文件）\n", ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var created = new StringBuilder();
        foreach (var a in accounts.Where(a => a.Unit is not null))
        {
            if (await users.FindByNameAsync(a.User) is not null) continue;
            var password = NewPassword();
            var user = new AppUser
            {
                UserName = a.User, DisplayName = a.Name, OrgUnitCode = a.Unit!.Code, GridCode = a.Unit.GridCode,
                DataScope = a.Scope, DepartmentId = a.Department, CreatedAt = DateTime.UtcNow,
            };
            var line = $"{a.User,-10} {password}  {a.Name}（{a.Unit.Name} {a.Unit.Code}）";
            await File.AppendAllTextAsync(file, line + "\n", ct);
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRolesAsync(user, a.Roles));
            created.AppendLine(line);
        }
        if (created.Length == 0) return;
        Console.WriteLine("GridGov 初始账号（请登录后修改密码）：");
        Console.WriteLine(created.ToString().TrimEnd());
        Console.WriteLine($"（以上账号已保存到 {file}）");
    }

    // City → first district → its first street → first community → first grid.
    static async Task<List<OrgUnit>> DemoPathAsync(GridDbContext db, CancellationToken ct)
    {
        var path = new List<OrgUnit>();
        var unit = await db.OrgUnits.Where(u => u.Level == OrgLevel.City).OrderBy(u => u.Code).FirstOrDefaultAsync(ct);
        while (unit is not null)
        {
            path.Add(unit);
            var code = unit.Code;
            unit = await db.OrgUnits.Where(u => u.ParentCode == code).OrderBy(u => u.Code).FirstOrDefaultAsync(ct);
        }
        return path;
    }

    public static string NewPassword()
    {
        // Letters without look-alikes, and always a digit and a lower-case letter (the password policy).
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        return RandomNumberGenerator.GetString(letters, 8) + RandomNumberGenerator.GetString(digits, 3)
            + RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz", 1);
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
