using System.Text.RegularExpressions;

namespace GridGov.Tests.Infrastructure;

// Posts the app's server-rendered forms as a browser does: with the antiforgery token of the page.
public static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient c, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var page = await c.GetStringAsync(pageUrl);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return await c.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient c, string user, string password) =>
        PostAsync(c, "/account/login", "/account/login", new() { ["userName"] = user, ["password"] = password, ["returnUrl"] = "/" });
}
