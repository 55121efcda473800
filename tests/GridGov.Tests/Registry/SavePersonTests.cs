using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Registry;
using GridGov.Features.Registry.People;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// Registering and correcting a person by hand (POST/PUT /api/v1/registry/people): the import's rules
// with errors keyed by field in Chinese, numbers stored only encrypted, one person per ID number, a
// stale version refused, and nothing outside the caller's area reachable or creatable.
[Collection(NanjingCollection.Name)]
public sealed class SavePersonTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    const long OtherGrid = 320102002002001;

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>())!;

    [Fact]
    public async Task A_person_registered_by_hand_is_stored_encrypted_pending_and_collected()
    {
        var room = (await kit.RoomsAsync(3))[2];
        var (id, phone) = (RegistryKit.NewId(male: false), RegistryKit.NewPhone());
        var client = await kit.As("community");
        var r = await client.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("手录乙", id, "流动", room, Phone: phone, Ethnicity: "汉族", Political: "群众"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var saved = (await r.Content.ReadFromJsonAsync<PersonSaved>())!;

        await using var db = app.UnscopedDb();
        var p = await db.Set<Person>().SingleAsync(x => x.Id == saved.Id);
        Assert.DoesNotContain(id, p.IdCipher);
        Assert.Equal((RecordSource.Collected, VerificationState.Pending, ResidencyType.Floating, "2", "01", "13"),
            (p.Source, p.State, p.Residency, p.Gender, p.Ethnicity, p.Political));
        Assert.NotNull(p.AddressId);
        Assert.Equal(phone[..3] + "****" + phone[7..], p.PhoneMasked);
        var audit = await db.AuditRecords.Where(a => a.EntityType == nameof(Person) && a.EntityKey == saved.Id.ToString()).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain(id, (a.Before ?? "") + (a.After ?? "")));
    }

    [Fact]
    public async Task Bad_fields_come_back_each_under_its_own_name_in_chinese()
    {
        var client = await kit.As("community");
        // A wrong check character: any but the right one (a fixed "0" is right for one number in eleven).
        var good = RegistryKit.NewId();
        var bad = good[..17] + (good[17] == '0' ? "1" : "0");
        var r = await client.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("", bad, "外地", "没有这个小区1栋", Phone: "12345"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await ProblemAsync(r)).GetProperty("errors");
        Assert.Contains("姓名", errors.GetProperty("name")[0].GetString());
        Assert.Contains("校验", errors.GetProperty("idNumber")[0].GetString());
        Assert.Contains("户籍、流动、寄住或境外", errors.GetProperty("residency")[0].GetString());
        Assert.Contains("不是您辖区内的标准地址", errors.GetProperty("address")[0].GetString());
        Assert.True(errors.TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task One_person_per_id_number_and_someone_elsewhere_is_not_named()
    {
        var rooms = await kit.RoomsAsync(2);
        var id = RegistryKit.NewId();
        var client = await kit.As("community");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("重号甲", id, "户籍", rooms[0]))).StatusCode);
        var again = await client.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("重号乙", id.ToLowerInvariant(), "户籍", rooms[1]));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("重号甲", (await ProblemAsync(again)).GetProperty("detail").GetString());

        var elsewhere = RegistryKit.NewId();
        var admin = await kit.As("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/registry/people",
            new PersonForm("外社区丙", elsewhere, "户籍", GridCode: OtherGrid.ToString()))).StatusCode);
        var hidden = await client.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("冒名丁", elsewhere, "户籍", rooms[1]));
        Assert.Equal(HttpStatusCode.Conflict, hidden.StatusCode);
        Assert.DoesNotContain("外社区丙", await hidden.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_edit_keeps_the_numbers_left_empty_and_refuses_a_stale_version()
    {
        var rooms = await kit.RoomsAsync(4);
        var (id, phone) = (RegistryKit.NewId(), RegistryKit.NewPhone());
        var client = await kit.As("grid");
        var created = await client.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("修改甲", id, "户籍", rooms[3], Phone: phone));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = (await created.Content.ReadFromJsonAsync<PersonSaved>())!;

        var edit = await client.PutAsJsonAsync($"/api/v1/registry/people/{saved.Id}", new PersonForm("修改乙", null, "户籍", rooms[3], Occupation: "教师", Version: saved.Version));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var after = (await edit.Content.ReadFromJsonAsync<PersonSaved>())!;
        Assert.Equal(saved.Version + 1, after.Version);
        await using (var db = app.UnscopedDb())
        {
            var p = await db.Set<Person>().SingleAsync(x => x.Id == saved.Id);
            Assert.Equal(("修改乙", "教师"), (p.Name, p.Occupation));
            Assert.Equal(phone[..3] + "****" + phone[7..], p.PhoneMasked);
        }
        var found = await client.PostAsJsonAsync("/api/v1/registry/people/search", new PeopleQuery(id));
        Assert.Single((await found.Content.ReadFromJsonAsync<GridGov.Infrastructure.UseCases.PagedResult<PersonRow>>(RegistryKit.Json))!.Items);

        var stale = await client.PutAsJsonAsync($"/api/v1/registry/people/{saved.Id}", new PersonForm("修改丙", null, "户籍", rooms[3], Version: saved.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Nothing_outside_the_callers_area_can_be_edited_or_created()
    {
        var admin = await kit.As("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("外社区戊", RegistryKit.NewId(), "户籍", GridCode: OtherGrid.ToString()));
        var other = (await created.Content.ReadFromJsonAsync<PersonSaved>())!;

        var community = await kit.As("community");
        var put = await community.PutAsJsonAsync($"/api/v1/registry/people/{other.Id}", new PersonForm("改名", null, "户籍", GridCode: OtherGrid.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var post = await community.PostAsJsonAsync("/api/v1/registry/people", new PersonForm("越界己", RegistryKit.NewId(), "户籍", GridCode: OtherGrid.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("不在您的数据范围内", (await ProblemAsync(post)).GetProperty("errors").GetProperty("gridCode")[0].GetString());
        await using var db = app.UnscopedDb();
        Assert.Equal("外社区戊", await db.Set<Person>().Where(p => p.Id == other.Id).Select(p => p.Name).SingleAsync());
        Assert.False(await db.Set<Person>().AnyAsync(p => p.Name == "越界己"));
    }
}
