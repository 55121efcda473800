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

    // The login page's form, with its antiforgery token, posted as a browser would.
    static async Task<HttpResponseMessage> PostLoginAsync(HttpClient c, string user, string password)
    {
        var page = await c.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return await c.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
    }
}
