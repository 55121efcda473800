using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridGov.Features.Registry.Addresses;
using GridGov.Infrastructure.Import;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridGov.Tests.Registry;

// Arranging registry tests through the API: valid ID numbers (the test's own GB 11643 arithmetic, not
// the product's), files in the formats people upload, and an import run to its end.
public sealed class RegistryKit(GridGovApp app)
{
    public const long Community = 320102002001;
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    static readonly Random random = new();
    readonly Dictionary<string, HttpClient> clients = [];

    public async Task<HttpClient> As(string user)
    {
        if (!clients.TryGetValue(user, out var c)) clients[user] = c = await app.ClientForAsync(user);
        return c;
    }

    // A fresh valid 18-digit number: 110101 (北京东城, a region the demo city's generated people never
    // have), a random birth date, a sequence of the given sex.
    public static string NewId(string region = "110101", bool male = true)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 60));
        var seq = random.Next(0, 500) * 2 + (male ? 1 : 0);
        var first = $"{region}{birth:yyyyMMdd}{seq:000}";
        return first + Check(first);
    }

    public static char Check(string first17)
    {
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * w[i];
        return "10X98765432"[sum % 11];
    }

    public static string NewPhone() => "139" + random.Next(10_000_000, 99_999_999);

    // Room-level addresses of the seeded first community, as their full names.
    public async Task<List<string>> RoomsAsync(int count, long community = Community)
    {
        await using var db = app.UnscopedDb();
        return await db.Set<Address>().Where(a => a.CommunityCode == community && a.Kind == AddressKind.Room && a.Code.Length == AddressCodes.MaxLength)
            .OrderBy(a => a.Id).Select(a => a.FullName).Take(count).ToListAsync();
    }

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var s = new MemoryStream();
        s.SaveAs(rows);
        return s.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<string[]> rows, Encoding encoding, bool bom = false)
    {
        var text = string.Join("\r\n", new[] { header.ToArray() }.Concat(rows).Select(r => string.Join(",", r.Select(v => v.Contains(',') ? $"\"{v}\"" : v)))) + "\r\n";
        var bytes = encoding.GetBytes(text);
        return bom ? [.. encoding.GetPreamble(), .. bytes] : bytes;
    }

    public async Task<HttpResponseMessage> UploadAsync(string user, string fileName, byte[] content, string target = "people", string? sourceSystem = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (sourceSystem is not null) form.Add(new StringContent(sourceSystem), "sourceSystem");
        return await (await As(user)).PostAsync($"/api/v1/registry/imports/{target}", form);
    }

    // Uploads and waits for the batch to finish; answers its final report.
    public async Task<ImportBatchView> ImportAsync(string user, string fileName, byte[] content, string? sourceSystem = null)
    {
        var response = await UploadAsync(user, fileName, content, sourceSystem: sourceSystem);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var batch = (await response.Content.ReadFromJsonAsync<ImportBatchView>(Json))!;
        return await WaitAsync(user, batch.Id);
    }

    public async Task<ImportBatchView> WaitAsync(string user, long id)
    {
        var client = await As(user);
        for (var i = 0; i < 600; i++)
        {
            var b = (await client.GetFromJsonAsync<ImportBatchView>($"/api/v1/registry/imports/{id}", Json))!;
            if (b.State is ImportState.Done or ImportState.Failed) return b;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Import batch {id} did not finish");
    }

    public static Dictionary<string, object?> Row(string name, string id, string residency, string address, string? phone = null, string? gender = null) => new()
    {
        ["姓名"] = name, ["公民身份号码"] = id, ["人口类型"] = residency, ["现住地址"] = address, ["联系电话"] = phone, ["性别"] = gender,
    };
}
