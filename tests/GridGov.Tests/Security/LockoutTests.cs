using GridGov.Features.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

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

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var (name, password) = await NewUserAsync();
        using var c = app.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(c, name, "wrong-password-1")).StatusCode);

        var locked = await TokenAsync(c, name, password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var problem = await locked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("已锁定", problem.GetProperty("detail").GetString());
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
        var wrong = await Forms.PostAsync(c, "/account/password", "/account/password",
            new() { ["currentPassword"] = "not-it-at-all-1", ["newPassword"] = "Brand-new-pass-7", ["confirmPassword"] = "Brand-new-pass-7" });
        Assert.Contains("当前密码不正确", Uri.UnescapeDataString(wrong.Headers.Location!.OriginalString));
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
