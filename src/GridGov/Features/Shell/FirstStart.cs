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

// Brings a data folder up to date on every start; on the first start it imports the demo city and
// creates the accounts, whose generated passwords are printed once and kept in the data folder.
sealed class FirstStart(GridDatabase database, ImportCity import, UserManager<AppUser> users,
    RoleManager<AppRole> roles, DataFolder folder, IConfiguration config, ILogger<FirstStart> log)
{
    public const string AccountsFile = "initial-accounts.txt";

    public async Task RunAsync(CancellationToken ct = default)
    {
        await using (var db = database.CreateUnscoped(AuditActor.System))
            await db.Database.MigrateAsync(ct);
        await SeedRolesAsync();
        var cityCode = config.GetValue<long?>("GridGov:DemoCity") ?? 3201;
        if (cityCode > 0) await ImportDemoCityAsync(cityCode, ct);
        await CreateAccountsAsync(ct);
    }

    async Task SeedRolesAsync()
    {
        foreach (var def in BuiltInRoles.All)
        {
            if (await roles.FindByNameAsync(def.Name) is not null) continue;
            var role = new AppRole { Name = def.Name, DisplayName = def.DisplayName, Description = def.Description, BuiltIn = true };
            Check(await roles.CreateAsync(role));
            foreach (var p in def.Permissions)
                Check(await roles.AddClaimAsync(role, new(Permissions.ClaimType, p)));
        }
    }

    async Task ImportDemoCityAsync(long cityCode, CancellationToken ct)
    {
        await using (var db = database.CreateUnscoped(AuditActor.System))
            if (await db.OrgUnits.AnyAsync(ct)) return;
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var slice = Directory.GetDirectories(Path.Combine(data, "divisions"), $"*-{cityCode}").FirstOrDefault();
        var boundaries = Directory.GetFiles(Path.Combine(data, "boundaries"), $"*-{cityCode}-*.geojson").FirstOrDefault();
        if (slice is null || boundaries is null)
        {
            log.LogWarning("No shipped data for demo city {City}; start without a city", cityCode);
            return;
        }
        Console.WriteLine($"首次启动：正在导入示范城市 {cityCode} …");
        var report = await import.RunAsync(new ImportCityRequest(cityCode, slice, boundaries), AuditActor.System, ct);
        foreach (var line in report.Lines()) Console.WriteLine("  " + line);
        if (!report.Succeeded) return;
        await using var seed = database.CreateUnscoped(AuditActor.System);
        Console.WriteLine($"  已建立示范职能部门 {await SeedDepartments.ForCityAsync(seed, cityCode, ct)} 个");
    }

    async Task CreateAccountsAsync(CancellationToken ct)
    {
        if (await users.Users.AnyAsync(ct)) return;
        List<OrgUnit> path;
        await using (var db = database.CreateUnscoped(AuditActor.System))
            path = await DemoPathAsync(db, ct);
        if (path.Count == 0) return;

        var (city, district, street, grid) = (path[0], path.ElementAtOrDefault(1), path.ElementAtOrDefault(2), path.LastOrDefault());
        var accounts = new List<(string User, string Name, OrgUnit? Unit, DataScopeKind Scope, string[] Roles)>
        {
            ("admin", "系统管理员", city, DataScopeKind.All, [BuiltInRoles.CityAdmin]),
            ("auditor", "审计员", city, DataScopeKind.All, [BuiltInRoles.Auditor]),
            ("district", $"{district?.Name}指挥中心", district, DataScopeKind.UnitAndBelow,
                [BuiltInRoles.DistrictAdmin, BuiltInRoles.Acceptor, BuiltInRoles.Dispatcher, BuiltInRoles.DutyChief]),
            ("street", $"{street?.Name}指挥中心", street, DataScopeKind.UnitAndBelow,
                [BuiltInRoles.Acceptor, BuiltInRoles.Dispatcher, BuiltInRoles.DutyChief]),
            ("grid", $"{grid?.Name}网格员", grid, DataScopeKind.UnitAndBelow, [BuiltInRoles.GridWorker]),
        };
        var text = new StringBuilder("GridGov 初始账号（仅在首次启动时生成；请登录后修改密码并妥善保管本文件）\n");
        foreach (var a in accounts.Where(a => a.Unit is not null))
        {
            var password = NewPassword();
            var user = new AppUser
            {
                UserName = a.User, DisplayName = a.Name, OrgUnitCode = a.Unit!.Code, GridCode = a.Unit.GridCode,
                DataScope = a.Scope, CreatedAt = DateTime.UtcNow,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRolesAsync(user, a.Roles));
            text.AppendLine($"{a.User,-10} {password}  {a.Name}（{a.Unit.Name} {a.Unit.Code}）");
        }
        var file = Path.Combine(folder.Path, AccountsFile);
        await File.WriteAllTextAsync(file, text.ToString(), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Console.WriteLine(text.ToString().TrimEnd());
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
