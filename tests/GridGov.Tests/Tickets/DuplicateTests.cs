using GridGov.Features.Identity;
using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Intake;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// Duplicates (DESIGN.md §5): similar open tickets are offered at intake with a score and the reason;
// a linked duplicate waits for its primary and closes with it, with its result.
[Collection(NanjingCollection.Name)]
public sealed class DuplicateTests(GridGovApp app)
{
    readonly TicketKit kit = new(app);

    // The primary through the whole loop to Closed, with this result.
    async Task<TicketDetail> CloseAsync(long id, string result)
    {
        await kit.DoAsync("street", id, Accept);
        await kit.DoAsync("street", id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        await kit.DoAsync("handler", id, ReportBack, new { note = result });
        await kit.DoAsync("grid", id, VerifyPass);
        return await kit.DoAsync("street", id, Close);
    }

    static async Task<string[]> ErrorsOf(HttpResponseMessage r, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors[field];
    }

    [Fact]
    public async Task A_near_identical_report_at_the_same_place_offers_the_first_as_a_candidate_with_the_reason()
    {
        var a = await kit.ReportAsync(category: "E0117", description: "长江路小区门口有一只死猫，气味很大");
        var (lon, lat) = await kit.PointAsync();
        var response = await kit.PostReportAsync("grid", new { categoryCode = "E0117", description = "长江路小区门口发现一只死猫，气味很大", lon, lat });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CreateTicketResult>(TicketKit.Json))!;
        var b = created.Ticket;

        var candidate = Assert.Single(created.Candidates, c => c.Id == a.Id);
        Assert.Equal(created.Candidates.Max(c => c.Score), candidate.Score);
        Assert.InRange(candidate.Score, 0.8, 1.0);
        Assert.Equal(0, candidate.DistanceMeters);
        Assert.Equal((a.Number, "待受理", a.Description), (candidate.Number, candidate.StateName, candidate.Description));
        Assert.StartsWith("相距 0 米；同类（动物尸体）；共同词：", candidate.Reason);
        Assert.Contains("长江路", candidate.Reason);
        Assert.EndsWith("分钟前上报", candidate.Reason);

        // The same list on demand, and from the other side.
        var street = await kit.As("street");
        var forB = await street.GetFromJsonAsync<List<DuplicateCandidate>>($"/api/v1/tickets/{b.Id}/candidates", TicketKit.Json);
        Assert.Equal(candidate.Score, Assert.Single(forB!, c => c.Id == a.Id).Score);
        var forA = await street.GetFromJsonAsync<List<DuplicateCandidate>>($"/api/v1/tickets/{a.Id}/candidates", TicketKit.Json);
        Assert.Contains(forA!, c => c.Id == b.Id);

        // Text alone does not make a candidate: the same words far away in another grid are not offered.
        var far = await kit.PostReportAsync("street", new
        {
            categoryCode = "E0117", description = "长江路小区门口有一只死猫，气味很大",
            lon = (await kit.PointOfAsync(320102002010001)).Lon, lat = (await kit.PointOfAsync(320102002010001)).Lat,
        });
        Assert.DoesNotContain((await far.Content.ReadFromJsonAsync<CreateTicketResult>(TicketKit.Json))!.Candidates, c => c.Id == a.Id);
    }

    [Fact]
    public async Task A_duplicate_closes_with_its_primary_with_the_primary_result_and_its_reporter_is_told()
    {
        var a = await kit.ReportAsync(category: "E0117", description: "长江路路口有死狗一只");
        var b = await kit.ReportAsync(user: "street", category: "E0117", description: "长江路路口发现死狗");
        var linked = await kit.DoAsync("street", b.Id, LinkDuplicate, new { primaryId = a.Id });
        Assert.Equal((TicketState.Duplicate, a.Id, "已关联"), (linked.State, linked.PrimaryId, linked.StateName));
        Assert.Null(linked.DueAt);
        Assert.Equal([b.Id], (await kit.GetAsync("street", a.Id))!.DuplicateIds);

        var closed = await CloseAsync(a.Id, "已清理并消毒");
        Assert.Equal(TicketState.Closed, closed.State);

        var after = (await kit.GetAsync("street", b.Id))!;
        Assert.Equal((TicketState.Closed, "已清理并消毒"), (after.State, after.Result));
        Assert.Equal(closed.ClosedAt, after.ClosedAt);
        Assert.Equal(linked.Version + 1, after.Version);
        var row = after.Timeline[^1];
        Assert.Equal((CloseWithPrimary, TicketState.Duplicate, TicketState.Closed, "系统"), (row.Action, row.From, row.To, row.ActorName));
        Assert.Equal($"随主工单 {a.Number} 结案：已清理并消毒", row.Note);

        await using var db = app.UnscopedDb();
        // Notifications are filtered to their addressee even in the unscoped context.
        var toB = await db.Notifications.IgnoreQueryFilters().Where(n => n.TicketId == b.Id).ToListAsync();
        var notice = Assert.Single(toB);
        Assert.Equal(b.ReporterId, notice.UserId);
        Assert.Equal($"您上报的事件（{b.Number}）已随同一问题的工单 {a.Number} 结案：已清理并消毒", notice.Text);
        Assert.False(notice.Read);
        var streetUser = await db.Users.Where(u => u.UserName == "street").Select(u => u.Id).SingleAsync();
        Assert.Equal(streetUser, notice.UserId);
        // The primary's reporter hears of its own ticket.
        var toA = Assert.Single(await db.Notifications.IgnoreQueryFilters().Where(n => n.TicketId == a.Id).ToListAsync());
        Assert.Equal((a.ReporterId, $"您上报的事件（{a.Number}）已结案：已清理并消毒"), (toA.UserId, toA.Text));
    }

    [Fact]
    public async Task Unlinked_before_the_primary_closes_a_duplicate_is_reported_again_and_stays_open()
    {
        var a = await kit.ReportAsync(category: "E0117", description: "长江路公交站旁有死老鼠");
        var b = await kit.ReportAsync(category: "E0117", description: "长江路公交站附近死老鼠");
        await kit.DoAsync("street", b.Id, LinkDuplicate, new { primaryId = a.Id });

        Assert.Equal(["请填写原因"], await ErrorsOf(await kit.ActAsync("street", b.Id, Unlink), "note"));
        var unlinked = await kit.DoAsync("street", b.Id, Unlink, new { note = "不是同一只" });
        Assert.Equal((TicketState.Reported, (long?)null), (unlinked.State, unlinked.PrimaryId));
        Assert.NotNull(unlinked.DueAt);
        Assert.Equal([Report, LinkDuplicate, Unlink], unlinked.Timeline.Select(e => e.Action));
        Assert.Empty((await kit.GetAsync("street", a.Id))!.DuplicateIds);

        await CloseAsync(a.Id, "已清理");
        var still = (await kit.GetAsync("street", b.Id))!;
        Assert.Equal((TicketState.Reported, null), (still.State, still.Result));
        Assert.Equal(unlinked.Version, still.Version);
    }

    [Fact]
    public async Task A_link_to_itself_a_closed_ticket_a_duplicate_or_an_unseen_ticket_is_refused()
    {
        var b = await kit.ReportAsync(category: "E0117", description: "长江路绿化带里有死鸟");
        var closed = await kit.InStateAsync(TicketState.Closed);
        var duplicate = await kit.InStateAsync(TicketState.Duplicate);
        var outside = await kit.ReportAsync(user: "admin", category: "E0117", description: "秦淮区路边有死鸟", at: await kit.PointOfAsync(320104001001001));

        Assert.Equal(["不能关联到自身"], await ErrorsOf(await kit.ActAsync("street", b.Id, LinkDuplicate, new { primaryId = b.Id }), "primaryId"));
        Assert.Equal(["主工单已办结，不能再关联"], await ErrorsOf(await kit.ActAsync("street", b.Id, LinkDuplicate, new { primaryId = closed.Id }), "primaryId"));
        Assert.Equal(["主工单本身是重复件，请关联到它的主工单"], await ErrorsOf(await kit.ActAsync("street", b.Id, LinkDuplicate, new { primaryId = duplicate.Id }), "primaryId"));
        Assert.Equal([$"主工单 {outside.Id} 不存在或不在您的管理范围内"], await ErrorsOf(await kit.ActAsync("street", b.Id, LinkDuplicate, new { primaryId = outside.Id }), "primaryId"));
        Assert.Equal(["请选择主工单"], await ErrorsOf(await kit.ActAsync("street", b.Id, LinkDuplicate), "primaryId"));

        var unchanged = (await kit.GetAsync("street", b.Id))!;
        Assert.Equal((TicketState.Reported, b.Version, (long?)null), (unchanged.State, unchanged.Version, unchanged.PrimaryId));
        Assert.Equal([Report], unchanged.Timeline.Select(e => e.Action));
    }
}
