using GridGov.Infrastructure.UseCases;

namespace GridGov.Infrastructure.Security;

// Settings that hold for the whole city (roles, event classes, the working calendar) have the city as
// their owner: holding the permission is not enough, the account's data scope must cover the whole
// city. A district's account would otherwise change what every other district works with (ADR 0009).
public static class CitySettings
{
    public const string RefusedTitle = "无权修改全市设置";

    public static bool MayChange(CurrentUser caller) => caller.Scope.IsAll;

    // Null when the caller may change the setting; otherwise the refusal to return at once.
    public static Result<T>? Refuse<T>(CurrentUser caller, string what) => MayChange(caller) ? null
        : Result<T>.Forbidden($"{what}是全市统一的设置，只有数据范围为“全部数据”的市级账号可以修改", RefusedTitle);
}
