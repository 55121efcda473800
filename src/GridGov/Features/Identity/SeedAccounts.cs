using System.Text;
using GridGov.Features.Organization;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity;

// First start: the built-in roles, and the demo accounts along the demo city's first path (city →
// first district → first street → first grid) with generated passwords, printed once and kept in the
// data folder (readable by its owner only).
public sealed class SeedAccounts(GridDatabase database, UserManager<AppUser> users, RoleManager<AppRole> roles, DataFolder folder)
{
    public const string AccountsFile = "initial-accounts.txt";

    // Each built-in role with its permissions in one save: a crash never leaves a role half-made.
    public async Task RolesAsync()
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

    // Each account's password reaches the file as soon as the account exists, so a crash half-way
    // loses none; the next start finishes the list (the file marks the first start as unfinished or done).
    public async Task DemoAccountsAsync(CancellationToken ct)
    {
        var file = Path.Combine(folder.Path, AccountsFile);
        if (await users.Users.AnyAsync(ct) && !File.Exists(file)) return;
        List<OrgUnit> path;
        long? streetCityManagement;
        await using (var db = database.CreateUnscoped(AuditActor.System))
        {
            path = await DemoPathAsync(db, ct);
            if (path.Count == 0) return;
            var streetCode = path.ElementAtOrDefault(2)?.Code;
            streetCityManagement = await db.Departments.Where(d => d.OrgUnitCode == streetCode && d.Kind == "城管").Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);
        }
        if (!File.Exists(file))
        {
            await File.WriteAllTextAsync(file, "GridGov 初始账号（仅在首次启动时生成；请登录后修改密码并妥善保管本文件）\n", ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var created = new StringBuilder();
        foreach (var a in DemoAccounts.Along(path, streetCityManagement))
        {
            if (await users.FindByNameAsync(a.User) is not null) continue;
            var password = Passwords.New();
            var user = new AppUser
            {
                UserName = a.User, DisplayName = a.Name, OrgUnitCode = a.Unit.Code, GridCode = a.Unit.GridCode,
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

    // The accounts of these names, as the demo history names them: id, display name, department.
    public async Task<Dictionary<string, (long Id, string Name, long? DepartmentId)>> FindAsync(IReadOnlyCollection<string> userNames, CancellationToken ct)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        return await db.Users.AsNoTracking().Where(u => userNames.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName, u.DepartmentId), ct);
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

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
