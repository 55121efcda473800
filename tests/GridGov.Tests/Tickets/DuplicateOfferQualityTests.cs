using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GridGov.Tests.Tickets;

// How good the "已有人上报？" offers are, measured on a labelled set (duplicate-set.json, described in
// docs/duplicate-offers.md): the set's incidents are reported as open tickets, then each probe is sent
// as a draft to /api/v1/tickets/similar, as the terminal does before a report goes out.
// An offer is correct if it is the ticket of the incident the probe reports again.
//   precision = correct offers / offers of the set's tickets
//   recall    = positive probes whose ticket is offered / positive probes
//   top-1     = positive probes whose first offer is their ticket / positive probes
// Incidents with odd numbers (A1, A3 …) tuned the scoring; even ones (A2, A4 …) are held out.
// Tickets of other tests are far from the set's grids (the *003 grids of 梅园新村街道); should one
// be offered anyway it is counted apart and not held against the set.
[Collection(NanjingCollection.Name)]
public sealed class DuplicateOfferQualityTests(GridGovApp app, ITestOutputHelper output)
{
    const double Floor = 0.95;
    readonly TicketKit kit = new(app);

    sealed record Site(string Id, long Grid, string Place);
    sealed record Probe(string? Of, string Category, string Text, double[] At, string? Why);
    sealed record Incident(string Id, string Site, string Category, string Text, double[] At, List<Probe> Probes)
    {
        public bool Tuning => int.Parse(Id[1..]) % 2 == 1;
    }
    sealed record LabelledSet(List<Site> Sites, List<Incident> Incidents);

    sealed record Outcome(Incident Near, Probe Probe, List<(string Incident, double Score)> Offers, int Foreign);

    static LabelledSet Load() => JsonSerializer.Deserialize<LabelledSet>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Tickets", "duplicate-set.json")), TicketKit.Json)!;

    // Metres east and north of a base point (equirectangular, as SimilarTickets measures).
    static (double Lon, double Lat) Offset((double Lon, double Lat) b, double[] at)
    {
        var lat = b.Lat + at[1] / 111_320.0;
        return (b.Lon + at[0] / (111_320.0 * Math.Cos(b.Lat * Math.PI / 180)), lat);
    }

    [Fact]
    public async Task Offers_on_the_labelled_set_are_precise_and_complete_on_the_tuning_and_the_held_out_half()
    {
        var set = Load();
        Assert.True(set.Incidents.Count >= 40, $"{set.Incidents.Count} incidents");
        var bases = new Dictionary<string, (double Lon, double Lat)>();
        foreach (var s in set.Sites) bases[s.Id] = await kit.PointOfAsync(s.Grid);

        var ticketOf = new Dictionary<long, string>();
        foreach (var i in set.Incidents)
        {
            var t = await kit.ReportAsync(user: "street", category: i.Category, description: i.Text, at: Offset(bases[i.Site], i.At));
            ticketOf[t.Id] = i.Id;
        }

        var street = await kit.As("street");
        var outcomes = new List<Outcome>();
        foreach (var i in set.Incidents)
            foreach (var p in i.Probes)
            {
                var (lon, lat) = Offset(bases[i.Site], p.At);
                var response = await street.PostAsJsonAsync("/api/v1/tickets/similar", new { categoryCode = p.Category, description = p.Text, lon, lat }, TicketKit.Json);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                var offers = (await response.Content.ReadFromJsonAsync<List<DuplicateCandidate>>(TicketKit.Json))!;
                outcomes.Add(new(i, p, [.. offers.Where(o => ticketOf.ContainsKey(o.Id)).Select(o => (ticketOf[o.Id], o.Score))],
                    offers.Count(o => !ticketOf.ContainsKey(o.Id))));
            }

        var log = new StringBuilder();
        log.AppendLine("split    probes  pos  neg  offers  correct  precision  recall  top-1  clean-neg  foreign");
        var tuning = Measure("tuning", outcomes.Where(o => o.Near.Tuning).ToList(), log);
        var held = Measure("held-out", outcomes.Where(o => !o.Near.Tuning).ToList(), log);
        var all = Measure("all", outcomes, log);
        log.AppendLine();
        log.AppendLine("misses and wrong offers (✗ = wrong offer, ∅ = the right ticket not offered):");
        foreach (var o in outcomes)
        {
            var wrong = o.Offers.Where(x => x.Incident != o.Probe.Of).ToList();
            var missed = o.Probe.Of is { } of && o.Offers.All(x => x.Incident != of);
            var late = o.Probe.Of is { } of2 && !missed && o.Offers[0].Incident != of2;
            if (wrong.Count == 0 && !missed && !late) continue;
            log.Append($"  [{(o.Near.Tuning ? "tune" : "held")}] {o.Probe.Of ?? "—",-3} near {o.Near.Id} {o.Probe.Category} 「{o.Probe.Text}」 offers: ");
            log.Append(o.Offers.Count == 0 ? "none" : string.Join(", ", o.Offers.Select(x => $"{x.Incident} {x.Score:F2}")));
            if (missed) log.Append("  ∅");
            if (wrong.Count > 0) log.Append("  ✗");
            if (late) log.Append("  (right one not first)");
            log.AppendLine();
        }
        output.WriteLine(log.ToString());

        foreach (var (name, m) in new[] { ("tuning", tuning), ("held-out", held), ("all", all) })
        {
            Assert.True(m.Precision >= Floor, $"{name} precision {m.Precision:F3}\n{log}");
            Assert.True(m.Recall >= Floor, $"{name} recall {m.Recall:F3}\n{log}");
        }
    }

    sealed record Figures(double Precision, double Recall, double Top1);

    static Figures Measure(string name, List<Outcome> outcomes, StringBuilder log)
    {
        var positives = outcomes.Where(o => o.Probe.Of is not null).ToList();
        var negatives = outcomes.Count - positives.Count;
        var offers = outcomes.Sum(o => o.Offers.Count);
        var correct = outcomes.Sum(o => o.Offers.Count(x => x.Incident == o.Probe.Of));
        var found = positives.Count(o => o.Offers.Any(x => x.Incident == o.Probe.Of));
        var first = positives.Count(o => o.Offers.Count > 0 && o.Offers[0].Incident == o.Probe.Of);
        var clean = outcomes.Count(o => o.Probe.Of is null && o.Offers.Count == 0);
        var f = new Figures(offers == 0 ? 0 : (double)correct / offers, (double)found / positives.Count, (double)first / positives.Count);
        log.AppendLine($"{name,-8} {outcomes.Count,6} {positives.Count,4} {negatives,4} {offers,7} {correct,8} {f.Precision,10:F3} {f.Recall,7:F3} {f.Top1,6:F3} {clean,6}/{negatives,-4} {outcomes.Sum(o => o.Foreign),6}");
        return f;
    }
}
