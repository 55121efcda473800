using GridGov.Features.Organization;
using GridGov.Features.Terminal.Home;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Components;

namespace GridGov.Features.Workbench.Pages;

// 工作台: the signed-in account's own work. Its queues (a tile each, its nearest deadlines below),
// what it supervises, its notices; for a leader the area's figures of today and its open warnings;
// for a grid worker the terminal's list of today; then the area's units (辖区概况). A ticket change
// in the caller's sight reads the work again, once for a burst.
public partial class Home
{
    [Inject] UseCases Cases { get; set; } = null!;
    [Inject] CurrentUser Me { get; set; } = null!;
    [Inject] TicketFeed Feed { get; set; } = null!;

    MyWork work = MyWork.None;
    AreaFigures? area;
    WorkList? fieldWork;
    bool loaded;
    Timer? pending;

    string Subtitle => $"{Me.DisplayName} · 数据范围：{DataScope.KindName(Me.Scope.Kind)}";

    bool HasQueues => WorkbenchQueues.Of(Me).Count > 0 && (work.Tiles.Count > 0 || !Me.Scope.IsAll);
    bool FollowsSupervision => WorkbenchQueues.FollowsSupervision(Me) && (work.SupervisedTotal > 0 || !Me.Scope.IsAll);
    bool HasSide => FollowsSupervision || area is not null || work.Notices.Count > 0;
    bool HasLists => HasQueues || HasSide;
    bool Nothing => !HasLists && work.Tiles.Count == 0 && fieldWork is null && area is null;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        // The work list is the grid's: the accounts of grids are the field workers.
        if (OrgCode.LevelOf(Me.UnitCode) == OrgLevel.Grid)
            fieldWork = (await Cases.RunAsync<GetWorkList, Result<WorkList>>(u => u.HandleAsync())).Value;
        loaded = true;
        Feed.Changed += OnTicketChanged;
    }

    async Task LoadAsync()
    {
        work = (await Cases.RunAsync<GetMyWork, Result<MyWork>>(u => u.HandleAsync())).Value ?? MyWork.None;
        if (Me.Has(Permissions.AnalyticsView))
            area = (await Cases.RunAsync<GetAreaFigures, Result<AreaFigures>>(u => u.HandleAsync())).Value;
    }

    void OnTicketChanged(TicketChange change)
    {
        if (!TicketScope.Sees(Me.Scope, change.GridCode, change.ReporterId, change.ActiveDepartments)) return;
        pending?.Dispose();
        pending = new Timer(_ => _ = InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), null, 700, Timeout.Infinite);
    }

    public void Dispose()
    {
        Feed.Changed -= OnTicketChanged;
        pending?.Dispose();
    }
}
