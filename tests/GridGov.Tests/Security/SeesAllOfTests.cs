using GridGov.Infrastructure.Security;

namespace GridGov.Tests.Security;

// Whole-unit figures (rollups, keyword sums) carry no scope: only a caller who sees every row of a
// unit may read them. Department staff see their department's tickets only, so never the whole.
public sealed class SeesAllOfTests
{
    const long District = 320102, Street = 320102002, Community = 320102002001, OtherStreet = 320102003;

    [Fact]
    public void A_subtree_scope_sees_all_of_its_own_units_and_none_above_or_beside()
    {
        var street = new DataScope(DataScopeKind.UnitAndBelow, Street, 1, []);
        Assert.True(street.SeesAllOf(Street));
        Assert.True(street.SeesAllOf(Community));
        Assert.False(street.SeesAllOf(District));
        Assert.False(street.SeesAllOf(OtherStreet));
        Assert.True(DataScope.Everything.SeesAllOf(3201));
        Assert.True(new DataScope(DataScopeKind.Custom, 0, 1, [OtherStreet, Community]).SeesAllOf(Community));
        Assert.False(new DataScope(DataScopeKind.Custom, 0, 1, [OtherStreet, Community]).SeesAllOf(Street));
    }

    [Fact]
    public void Unit_only_self_and_department_staff_never_see_a_whole_unit()
    {
        Assert.False(new DataScope(DataScopeKind.UnitOnly, Street, 1, []).SeesAllOf(Street));
        Assert.False(new DataScope(DataScopeKind.Self, Street, 1, []).SeesAllOf(Street));
        Assert.False(new DataScope(DataScopeKind.UnitAndBelow, Street, 1, []) { DepartmentId = 7 }.SeesAllOf(Community));
        Assert.False((DataScope.Everything with { DepartmentId = 7 }).SeesAllOf(3201));
        Assert.False(DataScope.Nobody.SeesAllOf(Street));
    }
}
