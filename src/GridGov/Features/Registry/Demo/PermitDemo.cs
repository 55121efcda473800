using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Permits;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Demo;

// 居住证 of the community's floating residents: most hold one, first issued some time in the last three
// years, valid a year; most renew around the expiry date (the old permit cancelled as of the new one),
// some let it lapse. So a few expire within the next 30 days and a few have expired.
static class PermitDemo
{
    public static async Task FillAsync(CommunityFill fill, CancellationToken ct)
    {
        var random = fill.Random;
        var district = OrgCode.District(fill.Grids[0]);
        var districtName = await fill.Db.OrgUnits.Where(u => u.Code == district).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var issuer = $"南京市公安局{districtName.TrimEnd('区')}分局";
        var permits = new List<ResidencePermit>();
        foreach (var (person, _, _, _) in fill.People)
        {
            if (person.Residency != ResidencyType.Floating || random.NextDouble() > 0.85) continue;
            var issued = fill.Today.AddDays(-random.Next(0, 3 * 365));
            ResidencePermit? previous = null;
            while (true)
            {
                var permit = fill.Record(new ResidencePermit
                {
                    PersonId = person.Id, Kind = "01", IssuedOn = issued, ExpiresOn = issued.AddYears(1).AddDays(-1), IssuedBy = issuer,
                }, person.GridCode);
                if (previous is not null && previous.ExpiresOn >= issued) previous.CancelledOn = issued;
                permits.Add(permit);
                previous = permit;
                if (permit.ExpiresOn >= fill.Today || random.NextDouble() > 0.9) break;
                // Renewed in the last weeks before the date, now and then a little after it.
                var next = permit.ExpiresOn.AddDays(random.Next(-25, 10));
                if (next > fill.Today) break;
                issued = next;
            }
        }
        await using var writer = new BulkWriter<ResidencePermit>(fill.Db);
        await writer.InsertManyAsync(permits, ct);
    }
}
