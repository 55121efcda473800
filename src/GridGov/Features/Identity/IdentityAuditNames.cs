using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity;

// How accounts, roles and sessions read in the audit log. Identity's own bookkeeping (stamps,
// normalized copies, lockout and two-factor columns it keeps but this platform does not use) is hidden.
sealed class IdentityAuditNames : AuditNames
{
    static readonly HashSet<string> IdentityNoise = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName",
        "NormalizedEmail", "NormalizedName", "AccessFailedCount", "LockoutEnabled", "LockoutEnd", "TwoFactorEnabled",
        "EmailConfirmed", "PhoneNumberConfirmed", "LastLoginAt"];

    // Sign-in events, written by SignInAudit and SessionRule with the account as the actor.
    public const string LoginSucceeded = "LoginSucceeded", LoginFailed = "LoginFailed", LoginThrottled = "LoginThrottled", Logout = "Logout";

    public override IEnumerable<(string Action, string Name)> Actions() =>
        [(LoginSucceeded, "登录成功"), (LoginFailed, "登录失败"), (LoginThrottled, "限制登录"), (Logout, "登出")];

    public override IEnumerable<AuditEntity> Entities() =>
    [
        new(nameof(AppUser), "用户")
        {
            Properties = new()
            {
                ["Id"] = "编号", ["UserName"] = "用户名", ["DisplayName"] = "姓名", ["OrgUnitCode"] = "所属单位", ["DepartmentId"] = "所属部门",
                ["GridCode"] = "网格编码", ["DataScope"] = "数据范围", ["CustomScopeUnits"] = "自定义范围单位", ["Disabled"] = "已停用",
                ["Email"] = "邮箱", ["PhoneNumber"] = "手机号", ["CreatedAt"] = "创建时间",
                ["Reason"] = "原因", ["Session"] = "登录方式", ["PasswordHash"] = "密码",
            },
            Hidden = IdentityNoise,
            // A new or reset password is worth a record; its hash never is.
            Masked = ["PasswordHash"],
            Values = new() { ["DataScope"] = v => Enum.TryParse<DataScopeKind>(v, out var k) ? DataScope.KindName(k) : null, ["Session"] = SessionName },
            Resolve = UsersAsync,
            Search = async (db, text, ct) => await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.UserName!.Contains(text) || u.DisplayName.Contains(text)).Select(u => u.Id.ToString()).Take(500).ToListAsync(ct),
        },
        new(nameof(AppRole), "角色")
        {
            Properties = new() { ["Id"] = "编号", ["Name"] = "角色标识", ["DisplayName"] = "角色名称", ["Description"] = "说明", ["BuiltIn"] = "内置" },
            Hidden = IdentityNoise,
            Resolve = RolesAsync,
            Search = async (db, text, ct) => await db.Set<AppRole>().AsNoTracking()
                .Where(r => r.Name!.Contains(text) || r.DisplayName.Contains(text)).Select(r => r.Id.ToString()).Take(500).ToListAsync(ct),
        },
        new(typeof(IdentityUserRole<long>).Name, "用户角色")
        {
            Properties = new() { ["UserId"] = "用户", ["RoleId"] = "角色" },
            Resolve = UserRolesAsync,
            Search = async (db, text, ct) => await db.Set<IdentityUserRole<long>>().AsNoTracking()
                .Where(ur => db.Set<AppUser>().IgnoreQueryFilters().Any(u => u.Id == ur.UserId && (u.UserName!.Contains(text) || u.DisplayName.Contains(text))))
                .Select(ur => ur.UserId.ToString() + "," + ur.RoleId.ToString()).Take(500).ToListAsync(ct),
        },
        new(typeof(IdentityRoleClaim<long>).Name, "角色权限")
        {
            Properties = new() { ["Id"] = "编号", ["RoleId"] = "角色", ["ClaimType"] = "类型", ["ClaimValue"] = "权限" },
        },
        new(typeof(IdentityUserClaim<long>).Name, "用户声明")
        {
            Properties = new() { ["Id"] = "编号", ["UserId"] = "用户", ["ClaimType"] = "类型", ["ClaimValue"] = "值" },
        },
        new(typeof(IdentityUserLogin<long>).Name, "外部登录")
        {
            Properties = new() { ["LoginProvider"] = "登录方式", ["ProviderKey"] = "外部账号", ["ProviderDisplayName"] = "登录方式名称", ["UserId"] = "用户" },
        },
        new(typeof(IdentityUserToken<long>).Name, "用户令牌")
        {
            Properties = new() { ["UserId"] = "用户", ["LoginProvider"] = "来源", ["Name"] = "名称" },
            Hidden = ["Value"],
        },
        new(nameof(UserSession), "登录会话")
        {
            Properties = new() { ["Id"] = "编号", ["UserId"] = "用户", ["Kind"] = "方式", ["StartedAt"] = "开始时间", ["EndedAt"] = "结束时间", ["Ip"] = "来源 IP" },
            // A terminal's refresh count changes every quarter hour: noise.
            Hidden = ["Refreshes"],
            Values = new() { ["Kind"] = SessionName },
        },
    ];

    static string? SessionName(string v) => v switch { nameof(SessionKind.Browser) => "浏览器", nameof(SessionKind.Token) => "令牌（接口或终端）", _ => null };

    // "张三（street）".
    static async Task<Dictionary<string, string>> UsersAsync(GridDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = Ids(keys);
        return await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id.ToString(), u => $"{u.DisplayName}（{u.UserName}）", ct);
    }

    static async Task<Dictionary<string, string>> RolesAsync(GridDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = Ids(keys);
        return await db.Set<AppRole>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id.ToString(), r => r.DisplayName.Length > 0 ? r.DisplayName : r.Name ?? "", ct);
    }

    // Key "userId,roleId" → "street → 受理员".
    static async Task<Dictionary<string, string>> UserRolesAsync(GridDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var pairs = keys.Select(k => k.Split(',')).Where(p => p.Length == 2).ToList();
        var users = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking().Where(u => Ids(pairs.Select(p => p[0])).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id.ToString(), u => u.UserName ?? "", ct);
        var roles = await RolesAsync(db, pairs.Select(p => p[1]).ToList(), ct);
        return pairs.ToDictionary(p => $"{p[0]},{p[1]}", p => $"{users.GetValueOrDefault(p[0], p[0])} → {roles.GetValueOrDefault(p[1], p[1])}");
    }

    static List<long> Ids(IEnumerable<string> keys) => keys.Select(k => long.TryParse(k, out var id) ? id : -1).Where(id => id >= 0).Distinct().ToList();
}
