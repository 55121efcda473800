namespace GridGov.Infrastructure.Web;

// Whether a request comes from a phone's browser: where the login sends a person, and how the office
// layout starts (menu folded away). The user agent is enough for that; nothing depends on it for security.
public static class PhoneBrowser
{
    public static bool Is(HttpRequest request) =>
        request.Headers.UserAgent.ToString() is var agent && (agent.Contains("Mobile", StringComparison.Ordinal) || agent.Contains("Android", StringComparison.Ordinal));
}
