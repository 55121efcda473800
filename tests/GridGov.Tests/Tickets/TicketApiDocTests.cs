using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Tickets;

// Other systems read the tickets' API from the OpenAPI document: every operation has a stable
// English operation id and a Chinese summary.
[Collection(NanjingCollection.Name)]
public sealed class TicketApiDocTests(GridGovApp app)
{
    [Fact]
    public async Task Every_ticket_operation_has_an_operation_id_and_a_chinese_summary()
    {
        using var client = app.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = doc.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/tickets", StringComparison.Ordinal) || p.Name == "/api/v1/files/photos")
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count >= 18, $"only {operations.Count} ticket operations");
        var ids = new List<string>();
        foreach (var (path, method, op) in operations)
        {
            Assert.True(op.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 } s && char.IsUpper(s[0]) && s.All(char.IsAsciiLetterOrDigit),
                $"{method} {path} has no PascalCase operation id");
            ids.Add(id.GetString()!);
            Assert.True(op.TryGetProperty("summary", out var summary) && summary.GetString()!.Any(c => c >= '\u4e00' && c <= '\u9fff'),
                $"{method} {path} has no Chinese summary");
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("ExecuteTicketAction", ids);
        Assert.Contains("ReportTicket", ids);
    }
}
