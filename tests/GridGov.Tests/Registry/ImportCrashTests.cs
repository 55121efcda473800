using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// Killing the process in the middle of a large import and starting it again ends with exactly the
// data of an uninterrupted import of the same file: every row once, every rejected row quarantined
// once, the counts whole.
public sealed class ImportCrashTests
{
    const int Rows = 40_000;

    static async Task<byte[]> FileAsync(GridDatabase database)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var rooms = await db.Set<Address>().Where(a => a.Code.Length == AddressCodes.MaxLength).OrderBy(a => a.Id).Select(a => a.FullName).ToListAsync();
        var random = new Random(3);
        var text = new StringBuilder("姓名,公民身份号码,人口类型,现住地址\n");
        var ids = new HashSet<string>();
        for (var i = 0; i < Rows; i++)
        {
            string id;
            // Beijing numbers: the demo community's generated people (Nanjing and migrants' regions) never collide.
            do id = RegistryKit.NewId("110105"); while (!ids.Add(id));
            if (i % 97 == 0) id = id[..17] + (id[17] == '1' ? '2' : '1');
            text.Append($"断电{i},{id},{(i % 3 == 0 ? "流动" : "户籍")},{rooms[random.Next(rooms.Count)]}\n");
        }
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    static async Task<ImportBatchView> UploadAsync(HttpClient client, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "大文件.csv");
        var response = await client.PostAsync("/api/v1/registry/imports/people", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportBatchView>(RegistryKit.Json))!;
    }

    static async Task<ImportBatchView> BatchAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<ImportBatchView>($"/api/v1/registry/imports/{id}", RegistryKit.Json))!;

    static async Task<ImportBatchView> FinishedAsync(HttpClient client, long id)
    {
        for (var i = 0; i < 1200; i++)
        {
            var b = await BatchAsync(client, id);
            if (b.State is ImportState.Done or ImportState.Failed) return b;
            await Task.Delay(100);
        }
        throw new TimeoutException("the import did not finish");
    }

    // What a batch left in the database, comparable across two databases (keys and ciphers differ).
    static async Task<(List<string> People, List<string> Issues)> ContentAsync(GridDatabase database, long batch)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var people = await db.Set<Person>().Where(p => p.ImportBatchId == batch)
            .Select(p => p.Name + "|" + p.IdMasked + "|" + p.Residency + "|" + p.CurrentAddress + "|" + p.GridCode + "|" + p.AddressId).ToListAsync();
        var issues = await db.Set<ImportIssue>().Where(i => i.BatchId == batch).Select(i => i.RowNumber + "|" + i.Field + "|" + i.Reason).ToListAsync();
        return ([.. people.Order(StringComparer.Ordinal)], [.. issues.Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public async Task A_killed_import_resumes_on_start_and_ends_as_an_uninterrupted_one()
    {
        await using var crashed = new AppProcess();
        await using var whole = new AppProcess();
        await Task.WhenAll(crashed.StartAsync(), whole.StartAsync());
        var file = await FileAsync(crashed.Database);

        var client = await crashed.ClientAsync("community");
        var batch = await UploadAsync(client, file);
        ImportBatchView seen;
        do seen = await BatchAsync(client, batch.Id);
        while (seen.DoneRows < 2 * ImportRunner.ChunkRows && seen.State != ImportState.Done);
        Assert.NotEqual(ImportState.Done, seen.State); // killed in the middle, not after
        crashed.Kill();

        await crashed.StartAsync();
        client = await crashed.ClientAsync("community");
        var resumed = await FinishedAsync(client, batch.Id);
        var wholeClient = await whole.ClientAsync("community");
        var reference = await FinishedAsync(wholeClient, (await UploadAsync(wholeClient, file)).Id);

        Assert.Equal(ImportState.Done, resumed.State);
        Assert.Equal((Rows, Rows), (resumed.TotalRows, resumed.DoneRows));
        Assert.Equal((reference.Inserted, reference.Rejected, reference.Updated, reference.Unchanged), (resumed.Inserted, resumed.Rejected, resumed.Updated, resumed.Unchanged));
        Assert.Equal((Rows, 0), (resumed.Inserted + resumed.Rejected, resumed.Updated + resumed.Unchanged));
        var (people, issues) = await ContentAsync(crashed.Database, batch.Id);
        var (referencePeople, referenceIssues) = await ContentAsync(whole.Database, reference.Id);
        Assert.Equal(resumed.Inserted, people.Count);
        Assert.Equal(referencePeople, people);
        Assert.Equal(referenceIssues, issues);
        // The upload is gone once its rows are in (it held personal data).
        Assert.Empty(Directory.GetFiles(Path.Combine(crashed.DataDir, "imports")));
    }
}
