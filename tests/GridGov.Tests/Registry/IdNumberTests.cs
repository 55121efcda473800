using GridGov.Infrastructure.Text;

namespace GridGov.Tests.Registry;

// GB 11643: valid numbers pass; each kind of wrong number fails with a reason a clerk can act on.
public sealed class IdNumberTests
{
    static readonly DateOnly Today = new(2026, 12, 4);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("440524188001010014")]
    [InlineData("320102198001011238")]
    public void Valid_numbers_pass(string number)
    {
        var r = IdNumbers.Check(number, Today);
        Assert.True(r.Valid, r.Error);
        Assert.Equal(number, r.Number);
    }

    [Fact]
    public void A_lower_case_x_and_spaces_around_are_accepted() =>
        Assert.Equal("11010519491231002X", IdNumbers.Check(" 11010519491231002x ", Today).Number);

    [Theory]
    [InlineData("110105194912310021", "校验位应为 X，实际为 1")]
    [InlineData("320102198002301230", "出生日期 1980-02-30 不存在")]
    [InlineData("320102203001011230", "晚于今天")]
    [InlineData("990102198001011230", "地址码 990102 不是有效的行政区划代码")]
    [InlineData("320102198001O1123X", "只能由数字组成")]
    [InlineData("3201021980010112", "应为 18 位")]
    [InlineData("", "为空")]
    public void Wrong_numbers_fail_with_the_reason(string number, string reason)
    {
        var r = IdNumbers.Check(number, Today);
        Assert.False(r.Valid);
        Assert.Contains(reason, r.Error);
    }

    [Fact]
    public void A_future_birth_date_is_refused_even_with_a_right_check_character()
    {
        var first = "32010220271201123";
        var r = IdNumbers.Check(first + RegistryKit.Check(first), Today);
        Assert.Contains("晚于今天", r.Error);
    }

    [Fact]
    public void A_fifteen_digit_number_is_upgraded_to_eighteen()
    {
        // 15-digit 320102800101123 → 320102 19 800101 123 + check.
        var r = IdNumbers.Check("320102800101123", Today);
        Assert.True(r.Valid, r.Error);
        Assert.True(r.Upgraded);
        Assert.Equal("32010219800101123" + RegistryKit.Check("32010219800101123"), r.Number);
        Assert.Equal("1", IdNumbers.GenderCode(r.Number!));
    }

    [Fact]
    public void Masks_show_the_first_four_and_last_four() =>
        Assert.Equal("3201**********123X", IdNumbers.Mask("32010219800101123X"));

    [Theory]
    [InlineData("91320102MA1XXXXXXX", false)]
    [InlineData("91110000100000000", false)]
    public void Credit_codes_of_wrong_shape_fail(string code, bool valid) => Assert.Equal(valid, CreditCodes.Check(code).Code is not null);

    [Fact]
    public void A_credit_code_passes_only_with_its_check_character()
    {
        // 91350100M000100Y43 is a published example of a valid code.
        Assert.Null(CreditCodes.Check("91350100M000100Y43").Error);
        var (code, error) = CreditCodes.Check("91350100M000100Y44");
        Assert.Null(code);
        Assert.Contains("校验位应为 3", error);
        Assert.Contains("不能含有字符 I", CreditCodes.Check("91350100M000100I43").Error);
    }

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("025-8888 6666", "025-88886666")]
    [InlineData("(0512)6666888", "0512-6666888")]
    public void Phones_are_normalised(string raw, string expected) => Assert.Equal(expected, Phones.Normalize(raw).Phone);

    [Theory]
    [InlineData("12345")]
    [InlineData("12800138000")]
    [InlineData("138001380001")]
    public void Wrong_phones_fail(string raw) => Assert.NotNull(Phones.Normalize(raw).Error);
}
