using GridGov.Features.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Security;

[Collection(NanjingCollection.Name)]
public sealed class LockoutTests(GridGovApp app)
{
    async Task<(string Name, string Password)> NewUserAsync()
    {
        using var admin = await app.ClientForAsync("admin");
        var name = "lock_" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Lockout-test-9z";
        var r = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "锁定测试", orgUnitCode = 320102002, dataScope = "UnitAndBelow", roles = new[] { "grid_worker" }, password,
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (name, password);
    }

    static Task<HttpResponseMessage> TokenAsync(HttpClient c, string user, string password) =>
        c.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

    Task<(HttpStatusCode Status, string Detail)> TokenFromAsync(string ip, string user, string password) =>
        TestClients.TokenFromAsync(app.Server, ip, user, password);

    async Task<(DateTimeOffset? LockoutEnd, string? Hash)> ReadAsync(string name)
    {
        await using var db = app.UnscopedDb();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == name);
        return (u.LockoutEnd, u.PasswordHash);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_hold_up_that_address_only()
    {
        var (name, password) = await NewUserAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal((HttpStatusCode.Unauthorized, "用户名或密码错误"), await TokenFromAsync("10.1.0.1", name, "wrong-password-1"));

        // Even the right password waits at that address …
        var held = await TokenFromAsync("10.1.0.1", name, password);
        Assert.Equal(HttpStatusCode.Unauthorized, held.Status);
        Assert.Contains("登录失败次数过多", held.Detail);
        // … while the owner at another address signs in, and the account is not locked.
        Assert.Equal(HttpStatusCode.OK, (await TokenFromAsync("10.1.0.2", name, password)).Status);
        Assert.Null((await ReadAsync(name)).LockoutEnd);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answers_all_the_way()
    {
        var (name, _) = await NewUserAsync();
        var real = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 7; i++)
        {
            real.Add(await TokenFromAsync("10.2.0.1", name, "wrong-password-1"));
            unknown.Add(await TokenFromAsync("10.2.0.1", "nobody_" + name, "wrong-password-1"));
        }
        Assert.Equal(real, unknown);
        Assert.Equal((HttpStatusCode.Unauthorized, "用户名或密码错误"), real[0]);
        Assert.Contains("登录失败次数过多", real[^1].Item2);
        Assert.DoesNotContain(real, r => r.Item2.Contains("再错") || r.Item2.Contains("锁定"));
    }

    [Fact]
    public async Task An_attacker_guessing_from_one_address_cannot_lock_the_owner_out()
    {
        var (name, password) = await NewUserAsync();
        for (var i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenFromAsync("10.3.0.66", name, "guess-" + i)).Status);

        Assert.Null((await ReadAsync(name)).LockoutEnd);
        await using (var db = app.UnscopedDb())
            Assert.True((await db.Users.AsNoTracking().SingleAsync(u => u.UserName == name)).AccessFailedCount <= 5);
        Assert.Equal(HttpStatusCode.OK, (await TokenFromAsync("10.3.0.7", name, password)).Status);
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", (await PostLoginAsync(c, name, password)).Headers.Location!.OriginalString);
    }

    // 5 wrong passwords from each of 11 fresh addresses: each within its own allowance, 55 in all.
    async Task<List<(HttpStatusCode, string)>> DistributedGuessesAsync(string prefix, string name)
    {
        var answers = new List<(HttpStatusCode, string)>();
        for (var a = 1; a <= 11; a++)
            for (var i = 0; i < 5; i++)
                answers.Add(await TokenFromAsync($"{prefix}.{a}", name, "guess-" + i));
        return answers;
    }

    [Fact]
    public async Task Guesses_from_many_addresses_slow_the_name_but_the_owner_still_signs_in_at_a_known_address()
    {
        var (name, password) = await NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await TokenFromAsync("10.4.0.1", name, password)).Status);
        var before = await ReadAsync(name);

        var answers = await DistributedGuessesAsync("10.4.1", name);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Item1));
        Assert.All(answers[..50], a => Assert.Equal("用户名或密码错误", a.Item2));
        Assert.All(answers[50..], a => Assert.Contains("登录失败次数过多", a.Item2));

        // A fresh address waits, even with the right password; the owner's usual one does not.
        var fresh = await TokenFromAsync("10.4.2.1", name, password);
        Assert.Equal(HttpStatusCode.Unauthorized, fresh.Status);
        Assert.Contains("登录失败次数过多", fresh.Detail);
        Assert.Equal(HttpStatusCode.OK, (await TokenFromAsync("10.4.0.1", name, password)).Status);

        Assert.Equal(before, await ReadAsync(name));
        await using var db = app.UnscopedDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == name);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
    }

    [Fact]
    public async Task Under_guesses_from_many_addresses_an_unknown_name_answers_like_a_real_one()
    {
        var (name, password) = await NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await TokenFromAsync("10.5.0.1", name, password)).Status);
        var unknown = "nobody_" + name;

        var real = await DistributedGuessesAsync("10.5.1", name);
        var none = await DistributedGuessesAsync("10.5.1", unknown);
        real.Add(await TokenFromAsync("10.5.2.1", name, password));
        none.Add(await TokenFromAsync("10.5.2.1", unknown, password));

        Assert.Equal(real, none);
        Assert.Equal((HttpStatusCode.Unauthorized, "用户名或密码错误"), real[0]);
        Assert.Contains("登录失败次数过多", real[^1].Item2);
        Assert.Null((await ReadAsync(name)).LockoutEnd);
        await using var db = app.UnscopedDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == unknown));
    }

    [Theory]
    [InlineData("/工单", "/%E5%B7%A5%E5%8D%95")]
    [InlineData("/\u3000/evil.com", "/%E3%80%80/evil.com")]
    [InlineData("/tickets?q=工单 1#x", "/tickets?q=%E5%B7%A5%E5%8D%95%201#x")]
    [InlineData("/tickets?page=2", "/tickets?page=2")]
    [InlineData("//evil.com", "/")]
    [InlineData("/\\evil.com", "/")]
    [InlineData("/\t/evil.com", "/")]
    [InlineData("/a\r\nSet-Cookie: x=1", "/")]
    [InlineData("https://evil.com/", "/")]
    public async Task The_login_form_returns_only_to_a_local_path_encoded(string returnUrl, string location)
    {
        var (name, password) = await NewUserAsync();
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        var wrong = await Forms.PostAsync(c, "/account/login", "/account/login",
            new() { ["userName"] = name, ["password"] = "nope-nope-1", ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(location), wrong.Headers.Location!.OriginalString);

        var right = await Forms.PostAsync(c, "/account/login", "/account/login",
            new() { ["userName"] = name, ["password"] = password, ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(location, right.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Guessing_the_current_password_on_the_change_form_is_slowed_and_changes_nothing()
    {
        var (name, password) = await NewUserAsync();
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", (await PostLoginAsync(c, name, password)).Headers.Location!.OriginalString);
        var before = await ReadAsync(name);
        Task<HttpResponseMessage> Change(string current) => Forms.PostAsync(c, "/account/password", "/account/password",
            new() { ["currentPassword"] = current, ["newPassword"] = "Brand-new-pass-7", ["confirmPassword"] = "Brand-new-pass-7" });

        for (var i = 0; i < 5; i++)
            Assert.Contains("当前密码不正确", Uri.UnescapeDataString((await Change("guess-number-" + i)).Headers.Location!.OriginalString));
        var held = await Change(password);
        Assert.Contains("当前密码错误次数过多", Uri.UnescapeDataString(held.Headers.Location!.OriginalString));

        Assert.Equal(before, await ReadAsync(name));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app.CreateClient(), name, password)).StatusCode);
    }

    [Fact]
    public async Task The_login_form_says_why_and_a_right_password_signs_in()
    {
        var (name, password) = await NewUserAsync();
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        var wrong = await PostLoginAsync(c, name, "nope-nope-1");
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Contains("error=", wrong.Headers.Location!.OriginalString);
        Assert.Contains("用户名或密码错误", Uri.UnescapeDataString(wrong.Headers.Location.OriginalString));

        var right = await PostLoginAsync(c, name, password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        Assert.Contains(right.Headers.GetValues("Set-Cookie"), v => v.StartsWith("gridgov.auth="));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_enabling_restores_it()
    {
        var (name, password) = await NewUserAsync();
        using var admin = await app.ClientForAsync("admin");
        await using (var db = app.UnscopedDb())
        {
            var id = db.Users.Single(u => u.UserName == name).Id;
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).StatusCode);
            using var c = app.CreateClient();
            var r = await TokenAsync(c, name, password);
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Contains("已停用", await r.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await TokenAsync(c, name, password)).StatusCode);
        }
    }

    static Task<HttpResponseMessage> PostLoginAsync(HttpClient c, string user, string password) => Forms.LoginAsync(c, user, password);

    [Fact]
    public async Task A_user_changes_their_own_password_and_only_the_new_one_works()
    {
        var (name, password) = await NewUserAsync();
        using var c = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", (await PostLoginAsync(c, name, password)).Headers.Location!.OriginalString);

        var mismatch = await Forms.PostAsync(c, "/account/password", "/account/password",
            new() { ["currentPassword"] = password, ["newPassword"] = "Brand-new-pass-7", ["confirmPassword"] = "Brand-new-pass-8" });
        Assert.Contains("两次输入的新密码不一致", Uri.UnescapeDataString(mismatch.Headers.Location!.OriginalString));
        Assert.EndsWith("&field=confirmPassword", mismatch.Headers.Location!.OriginalString);
        var wrong = await Forms.PostAsync(c, "/account/password", "/account/password",
            new() { ["currentPassword"] = "not-it-at-all-1", ["newPassword"] = "Brand-new-pass-7", ["confirmPassword"] = "Brand-new-pass-7" });
        Assert.Contains("当前密码不正确", Uri.UnescapeDataString(wrong.Headers.Location!.OriginalString));
        Assert.EndsWith("&field=currentPassword", wrong.Headers.Location!.OriginalString);
        var weak = await Forms.PostAsync(c, "/account/password", "/account/password",
            new() { ["currentPassword"] = password, ["newPassword"] = "short", ["confirmPassword"] = "short" });
        Assert.Contains("密码至少 10 位", Uri.UnescapeDataString(weak.Headers.Location!.OriginalString));

        var done = await Forms.PostAsync(c, "/account/password", "/account/password",
            new() { ["currentPassword"] = password, ["newPassword"] = "Brand-new-pass-7", ["confirmPassword"] = "Brand-new-pass-7" });
        Assert.Equal("/account/password?done=true", done.Headers.Location!.OriginalString);
        // Still signed in here, with the renewed cookie.
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/auth/me")).StatusCode);

        using var other = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(other, name, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(other, name, "Brand-new-pass-7")).StatusCode);
    }
}
