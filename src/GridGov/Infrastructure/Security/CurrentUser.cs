using System.Security.Claims;

namespace GridGov.Infrastructure.Security;

// The caller of this request or Blazor circuit. HTTP requests read HttpContext.User; circuits are
// given their user by UserCircuitHandler, because HttpContext is not available there.
public sealed class CurrentUser(IHttpContextAccessor http)
{
    public const string UnitClaim = "unit";
    public const string ScopeClaim = "scope";
    public const string ScopeUnitsClaim = "scope_units";
    public const string DisplayNameClaim = "display_name";
    public const string DepartmentClaim = "department";

    ClaimsPrincipal? circuitUser;
    string? circuitIp;

    public ClaimsPrincipal Principal => circuitUser ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public long? UserId => long.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => Principal.Identity?.Name;

    public long UnitCode => long.TryParse(Principal.FindFirstValue(UnitClaim), out var c) ? c : 0;

    // Staff of a functional department see only the tickets dispatched to their department.
    public long? DepartmentId => long.TryParse(Principal.FindFirstValue(DepartmentClaim), out var d) ? d : null;

    public string DisplayName => Principal.FindFirstValue(DisplayNameClaim) ?? UserName ?? "";

    public string? Ip => circuitIp ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool Has(string permission) => Principal.HasClaim(Permissions.ClaimType, permission);

    public DataScope Scope
    {
        get
        {
            if (!IsAuthenticated || UserId is not { } id) return DataScope.Nobody;
            if (!Enum.TryParse<DataScopeKind>(Principal.FindFirstValue(ScopeClaim), out var kind)) return DataScope.Nobody;
            var custom = DataScope.ParseUnits(Principal.FindFirstValue(ScopeUnitsClaim));
            return new DataScope(kind, UnitCode, id, custom) { DepartmentId = DepartmentId, SeesRestricted = Has(Permissions.RegistrySpecial) };
        }
    }

    public void SetCircuitUser(ClaimsPrincipal principal, string? ip)
    {
        circuitUser = principal;
        circuitIp ??= ip;
    }
}
