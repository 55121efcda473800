using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Registry.Dogs;
using GridGov.Infrastructure;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Registry;

// 养犬登记: a dog of a keeper in the caller's area, flagged 大型犬/烈性犬 by its breed, reminded when its
// licence or rabies vaccination is due within 30 days or overdue; a licence number used twice is a
// Chinese 409; a dog of another community is 404 for reading and writing; imported by the keeper's ID.
[Collection(NanjingCollection.Name)]
public sealed class DogTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    static DateOnly Today => ChinaTime.DateOf(DateTime.UtcNow);
    static string Licence() => "宁犬测" + Random.Shared.Next(10_000_000, 99_999_999);

    static async Task<DogRow> Read(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<DogRow>(RegistryKit.Json))!;
    }

    [Fact]
    public void Restricted_breeds_and_reminders_follow_the_rules()
    {
        Assert.True(DogRules.IsRestricted("藏獒"));
        Assert.True(DogRules.IsRestricted("美国比特斗牛梗"));
        Assert.False(DogRules.IsRestricted("柯基"));
        var t = Today;
        Assert.Equal(Reminder.Due, DogRules.ReminderOf(t.AddDays(30), t));
        Assert.Null(DogRules.ReminderOf(t.AddDays(31), t));
        Assert.Equal(Reminder.Overdue, DogRules.ReminderOf(t.AddDays(-1), t));
        Assert.Equal(Reminder.Overdue, DogRules.ReminderOf(null, t, missingIsOverdue: true));
    }

    [Fact]
    public async Task A_dog_is_registered_flagged_by_breed_reminded_and_edited()
    {
        var client = await kit.As("community");
        var keeper = (await ThingsKit.PeopleAsync(app, kit, "community", "犬主甲"))[0];
        var before = (await client.GetFromJsonAsync<DogCounts>("/api/v1/registry/dogs/counts", RegistryKit.Json))!;
        var t = Today;
        var licence = Licence();
        var created = await client.PostAsJsonAsync("/api/v1/registry/dogs",
            new DogRequest(keeper, "藏獒", "大黑", "黑", "公", LicenceNo: licence, LicenceExpires: t.AddDays(10), VaccinatedOn: t.AddDays(-400)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dog = await Read(created);
        Assert.True(dog.Restricted);
        Assert.Equal(("犬主甲", "公"), (dog.KeeperName, dog.GenderName));
        Assert.NotNull(dog.AddressId);
        Assert.Equal(("登记证即将到期", "疫苗已过期"), (dog.LicenceReminderName, dog.VaccineReminderName));

        var after = (await client.GetFromJsonAsync<DogCounts>("/api/v1/registry/dogs/counts", RegistryKit.Json))!;
        Assert.Equal((before.Total + 1, before.Restricted + 1, before.LicenceDue + 1, before.VaccineDue + 1), (after.Total, after.Restricted, after.LicenceDue, after.VaccineDue));
        var due = (await client.GetFromJsonAsync<PagedResult<DogRow>>($"/api/v1/registry/dogs?reminder=Licence&keyword={Uri.EscapeDataString(licence)}", RegistryKit.Json))!;
        Assert.Single(due.Items);

        var stale = await client.PutAsJsonAsync($"/api/v1/registry/dogs/{dog.Id}", new DogRequest(keeper, "柯基", Version: dog.Version + 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var edited = await Read(await client.PutAsJsonAsync($"/api/v1/registry/dogs/{dog.Id}",
            new DogRequest(keeper, "柯基", "大黑", LicenceNo: licence, LicenceExpires: t.AddYears(1), VaccinatedOn: t, Version: dog.Version)));
        Assert.False(edited.Restricted);
        Assert.Null(edited.LicenceReminder);
        Assert.Null(edited.VaccineReminder);

        var duplicate = await client.PostAsJsonAsync("/api/v1/registry/dogs", new DogRequest(keeper, "比熊", LicenceNo: licence));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("已登记在另一只犬名下", await duplicate.Content.ReadAsStringAsync());
        var bad = await client.PostAsJsonAsync("/api/v1/registry/dogs", new DogRequest(keeper, "", Gender: "雌雄"));
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请填写品种", text);
        Assert.Contains("应为 公 或 母", text);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/registry/dogs/export?restricted=true")).StatusCode);
    }

    [Fact]
    public async Task A_dog_of_another_community_is_not_found_for_reading_or_writing()
    {
        var outsider = (await ThingsKit.PeopleAsync(app, kit, "admin", ["外犬主甲"], grid: ThingsKit.OtherGrid))[0];
        var dog = await Read(await (await kit.As("admin")).PostAsJsonAsync("/api/v1/registry/dogs", new DogRequest(outsider, "泰迪", "外犬", LicenceNo: Licence())));
        var client = await kit.As("community");
        var mine = (await ThingsKit.PeopleAsync(app, kit, "community", "犬主乙"))[0];
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/registry/dogs/{dog.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/registry/dogs/{dog.Id}", new DogRequest(mine, "柯基"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/registry/dogs", new DogRequest(outsider, "柯基"))).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<PagedResult<DogRow>>("/api/v1/registry/dogs?keyword=外犬主甲", RegistryKit.Json))!.Items);
        await using var db = app.UnscopedDb();
        Assert.Equal("泰迪", (await db.Set<Dog>().SingleAsync(d => d.Id == dog.Id)).Breed);
    }

    [Fact]
    public async Task Dogs_are_imported_by_the_keepers_id_number()
    {
        var id = RegistryKit.NewId();
        await ThingsKit.PeopleAsync(app, kit, "community", ["导犬主甲"], ids: [id]);
        var licence = Licence();
        var file = RegistryKit.Xlsx(
        [
            new() { ["犬主证件号码"] = id, ["品种"] = "罗威纳", ["犬名"] = "旺财", ["毛色"] = "黑", ["性别"] = "母", ["登记证号"] = licence, ["有效期至"] = "2030-01-01", ["疫苗接种日期"] = Today.ToString("yyyy-MM-dd") },
            new() { ["犬主证件号码"] = RegistryKit.NewId(), ["品种"] = "柯基", ["犬名"] = "", ["毛色"] = "", ["性别"] = "", ["登记证号"] = "", ["有效期至"] = "", ["疫苗接种日期"] = "" },
            new() { ["犬主证件号码"] = id, ["品种"] = "柯基", ["犬名"] = "", ["毛色"] = "", ["性别"] = "不详", ["登记证号"] = "", ["有效期至"] = "", ["疫苗接种日期"] = "昨天" },
        ]);
        var batch = await ThingsKit.ImportAsync(kit, "dogs", "养犬.xlsx", file);
        Assert.Equal((1, 2), (batch.Inserted, batch.Rejected));
        var issues = await (await kit.As("community")).GetStringAsync($"/api/v1/registry/imports/{batch.Id}/issues");
        Assert.Contains("未找到此证件号码的人员", issues);
        Assert.Contains("应为 公 或 母", issues);
        Assert.Contains("不是日期", issues);
        await using var db = app.UnscopedDb();
        var dog = await db.Set<Dog>().SingleAsync(d => d.LicenceNo == licence);
        Assert.True(dog.Restricted);
        Assert.Equal(("导犬主甲", "2"), (dog.KeeperName, dog.Gender));
        Assert.NotNull(dog.AddressId);
    }
}
