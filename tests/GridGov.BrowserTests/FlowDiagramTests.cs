using System.Text.Json;
using Microsoft.Playwright;

namespace GridGov.BrowserTests;

// The flow diagram as a user reads it on the office screens: every arrow labelled, no label over
// another or over a state, nothing cut off at the edge of the picture.
[Collection(BrowserCollection.Name)]
public sealed class FlowDiagramTests(BrowserApp app)
{
    sealed record Box(string Text, string Kind, double X, double Y, double W, double H);

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1440, 900)]
    public async Task The_labels_of_the_flow_diagram_neither_overlap_nor_leave_the_picture(int width, int height)
    {
        var page = await app.LoginAsync("street");
        await page.SetViewportSizeAsync(width, height);
        await BrowserApp.OpenAsync(page, "/tickets/flow");
        var svg = page.Locator("#flow-page svg");
        await Assertions.Expect(svg.Locator("text.gg-flow-name", new() { HasText = "待核查" })).ToHaveCountAsync(1);

        var json = await svg.EvaluateAsync<string>(@"svg => {
            const box = (el, kind) => { const r = el.getBoundingClientRect(); return { Text: el.textContent, Kind: kind, X: r.x, Y: r.y, W: r.width, H: r.height }; };
            return JSON.stringify({
                svg: box(svg, 'svg'),
                labels: [...svg.querySelectorAll('text.gg-flow-label')].map(t => box(t, 'label')),
                states: [...svg.querySelectorAll('.gg-flow-node rect')].map(r => box(r, 'state')),
                names: [...svg.querySelectorAll('text.gg-flow-name')].map(t => box(t, 'name')),
            }); }");
        using var doc = JsonDocument.Parse(json);
        Box[] Read(string name) => doc.RootElement.GetProperty(name).Deserialize<Box[]>()!;
        var frame = doc.RootElement.GetProperty("svg").Deserialize<Box>()!;
        var labels = Read("labels");
        var states = Read("states");

        // One label per pair of states an action joins (16 in the table), and all ten states.
        Assert.Equal(16, labels.Length);
        Assert.Equal(10, states.Length);
        Assert.Contains(labels, l => l.Text == "核查不通过");
        Assert.Contains(labels, l => l.Text == "随主件结案");
        Assert.All(labels, l => Assert.True(l.W > 0 && l.H > 0, $"{l.Text} 未显示"));

        foreach (var l in labels.Concat(Read("names")))
            Assert.True(l.X >= frame.X - 0.5 && l.Y >= frame.Y - 0.5 && l.X + l.W <= frame.X + frame.W + 0.5 && l.Y + l.H <= frame.Y + frame.H + 0.5,
                $"“{l.Text}”超出流程图 ({l.X:0},{l.Y:0},{l.W:0}×{l.H:0} / {frame.W:0}×{frame.H:0})");
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = i + 1; j < labels.Length; j++)
                Assert.False(Overlap(labels[i], labels[j]), $"“{labels[i].Text}”与“{labels[j].Text}”重叠");
            foreach (var s in states)
                Assert.False(Overlap(labels[i], s), $"“{labels[i].Text}”压在状态框上");
        }
        await BrowserApp.ShotAsync(page, $"ticket-flow-{width}x{height}");
    }

    static bool Overlap(Box a, Box b) =>
        a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
}
