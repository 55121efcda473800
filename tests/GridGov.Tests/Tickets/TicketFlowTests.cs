using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// The transition table, exhaustively: every state × every action, through the HTTP API.
[Collection(NanjingCollection.Name)]
public sealed class TicketFlowTests(GridGovApp app)
{
    readonly TicketKit kit = new(app);

    // Who takes each action in these tests, and with what.
    async Task<(string User, object Body)> ActorFor(TicketAction a, TicketDetail t) => a switch
    {
        Accept or Escalate or Dispatch or Close or Supervise or ApproveExtension or DenyExtension or ApproveShelve or DenyShelve or Resume
            or Reject or LinkDuplicate or Unlink => ("street", a switch
            {
                Dispatch => new { departmentId = await kit.HandlerDepartmentAsync() },
                LinkDuplicate => new { primaryId = (await kit.ReportAsync()).Id },
                Supervise => new { level = Supervision.Yellow },
                _ => (object)new { note = "测试说明" },
            }),
        Return or RequestExtension or RequestShelve or ReportBack => ("handler", new { note = "部门说明", days = 2.0 }),
        SelfHandle => ("grid", new { note = "已现场处置", photos = new[] { await TestPhotos.UploadAsync(await kit.As("grid")) } }),
        VerifyPass or VerifyFail => ("grid", new { note = "现场核查" }),
        Evaluate => ("grid", new { evaluation = Evaluation.Satisfied }),
        _ => ("admin", new { note = "系统操作" }),
    };

    // A ticket in the state, with the pending request the guard of the transition needs.
    async Task<TicketDetail> Arrange(Transition x)
    {
        var t = await kit.InStateAsync(x.From);
        if (x.Guard == Guard.PendingExtension) t = await kit.DoAsync("handler", t.Id, RequestExtension, new { note = "材料未到", days = 2.0 });
        if (x.Guard == Guard.PendingShelve) t = await kit.DoAsync("handler", t.Id, RequestShelve, new { note = "需立项" });
        return t;
    }

    public static TheoryData<TicketState> States() => [.. Enum.GetValues<TicketState>()];

    [Theory]
    [MemberData(nameof(States))]
    public async Task Every_action_the_table_allows_from_a_state_works_and_lands_in_its_target_state(TicketState from)
    {
        foreach (var x in TicketFlow.Table.Where(x => x.From == from && x.Actor != Actor.System))
        {
            var t = await Arrange(x);
            var (user, body) = await ActorFor(x.Action, t);
            var after = await kit.DoAsync(user, t.Id, x.Action, body);
            Assert.True(x.To == after.State, $"{from} --{x.Action}--> expected {x.To}, got {after.State}");
            Assert.Equal(t.Version + 1, after.Version);
            // A department that returns a ticket no longer sees it, nor its history (ADR 0008): the centre does.
            var timeline = x.Action == Return ? (await kit.GetAsync("street", t.Id))!.Timeline : after.Timeline;
            Assert.Equal(x.Action, timeline.Last(e => e.Action == x.Action).Action);
        }
    }

    [Theory]
    [MemberData(nameof(States))]
    public async Task Every_action_the_table_does_not_allow_from_a_state_is_refused_with_409_and_changes_nothing(TicketState from)
    {
        var t = await kit.InStateAsync(from);
        var allowed = TicketFlow.Table.Where(x => x.From == from).Select(x => x.Action).ToHashSet();
        foreach (var action in Enum.GetValues<TicketAction>().Where(a => !allowed.Contains(a)))
        {
            // The city admin holds every permission: only the table can refuse it.
            var response = await kit.ActAsync("admin", t.Id, action, new { note = "试图越过流程" });
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{from} --{action}--> {(int)response.StatusCode}");
            var problem = await response.Content.ReadAsStringAsync();
            Assert.Contains(from.ToString(), problem);
        }
        var unchanged = await kit.GetAsync("admin", t.Id);
        Assert.Equal(t.Version, unchanged!.Version);
        Assert.Equal(from, unchanged.State);
    }

    [Fact]
    public async Task Actions_only_the_system_takes_are_refused_to_people_even_to_the_admin()
    {
        var duplicate = await kit.InStateAsync(TicketState.Duplicate);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("admin", duplicate.Id, CloseWithPrimary)).StatusCode);
        var reported = await kit.ReportAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("admin", reported.Id, AutoSupervise)).StatusCode);
    }

    [Fact]
    public async Task Guards_hold_besides_the_state_a_second_request_waits_for_the_first_and_approval_needs_a_request()
    {
        var t = await kit.InStateAsync(TicketState.Dispatched);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.ActAsync("street", t.Id, ApproveExtension)).StatusCode);
        await kit.DoAsync("handler", t.Id, RequestExtension, new { note = "等待配件", days = 3.0 });
        Assert.Equal(HttpStatusCode.Conflict, (await kit.ActAsync("handler", t.Id, RequestShelve, new { note = "再挂账" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.ActAsync("handler", t.Id, ReportBack, new { note = "已处理" })).StatusCode);
        var before = (await kit.GetAsync("street", t.Id))!.HandleDueAt!.Value;
        var approved = await kit.DoAsync("street", t.Id, ApproveExtension);
        Assert.True(approved.HandleDueAt > before);
        Assert.Equal(1, approved.ExtensionCount);
        Assert.Equal(PendingRequest.None, approved.Pending);
    }

    [Fact]
    public async Task Permission_and_actor_decide_who_may_act_the_rest_get_403()
    {
        var t = await kit.ReportAsync();
        // A grid worker cannot accept; a street acceptor cannot act for the department.
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("grid", t.Id, Accept)).StatusCode);
        await kit.DoAsync("street", t.Id, Accept);
        await kit.DoAsync("street", t.Id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        var response = await kit.ActAsync("admin", t.Id, ReportBack, new { note = "管理员代办" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("主办部门", await response.Content.ReadAsStringAsync());
        // Only the reporter self-handles or evaluates.
        var other = await kit.ReportAsync(user: "street");
        var photo = await TestPhotos.UploadAsync(await kit.As("grid"));
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("grid", other.Id, SelfHandle, new { note = "处理了", photos = new[] { photo } })).StatusCode);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_and_the_current_state()
    {
        var t = await kit.ReportAsync();
        await kit.DoAsync("street", t.Id, Accept);
        var response = await kit.ActAsync("street", t.Id, Reject, new { version = t.Version, note = "过时的页面" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("\"state\":\"Accepted\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_concurrent_accepts_give_one_success_and_one_409()
    {
        for (var round = 0; round < 5; round++)
        {
            var t = await kit.ReportAsync();
            var street = await kit.As("street");
            var district = await kit.As("district");
            var body = new { version = t.Version };
            var results = await Task.WhenAll(
                street.PostAsJsonAsync($"/api/v1/tickets/{t.Id}/actions/Accept", body),
                district.PostAsJsonAsync($"/api/v1/tickets/{t.Id}/actions/Accept", body));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
            var after = await kit.GetAsync("street", t.Id);
            Assert.Equal(1, after!.Timeline.Count(e => e.Action == Accept));
        }
    }

    [Fact]
    public async Task The_flow_table_is_published_for_the_diagram()
    {
        var client = await kit.As("street");
        var rows = await client.GetFromJsonAsync<List<Transition>>("/api/v1/tickets/flow", TicketKit.Json);
        Assert.Equal(TicketFlow.Table.Count, rows!.Count);
    }
}
