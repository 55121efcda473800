using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace GridGov.Features.Panorama.Pages;

public partial class PanoramaPage
{
    [SupplyParameterFromQuery(Name = "unit")] public long? Unit { get; set; }

    long? unit;
    PanoramaPeriod period = PanoramaPeriod.Year;
    PanoramaFigures? figures;
    PanoramaPoints? points;
    // The tracks are read only while their layer is on, and again only for another unit or period.
    PanoramaTracks? tracks;
    (long Unit, PanoramaPeriod Period)? tracksRead;
    object? tracksOnMap;
    bool notFound, showTickets = true, showParts, showTracks;
    IJSObjectReference? module;
    DotNetObjectReference<PanoramaPage>? self;
    long? drawn;
    // A burst of ticket changes reloads the figures once.
    Timer? pending;

    static string PeriodName(PanoramaPeriod p) => PanoramaPeriods.Name(p);

    protected override void OnInitialized() => Feed.Changed += OnTicketChanged;

    protected override async Task OnParametersSetAsync()
    {
        unit = Unit;
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        var result = await Cases.RunAsync<GetPanorama, Result<PanoramaFigures>>(u => u.HandleAsync(unit, period));
        notFound = result.Value is null;
        figures = result.Value;
        if (figures is not null)
        {
            await LoadPointsAsync();
            await LoadTracksAsync();
        }
    }

    async Task LoadPointsAsync()
    {
        if (figures is null) return;
        var (code, parts) = (figures.Unit.Code, showParts);
        points = (await Cases.RunAsync<GetPanoramaPoints, Result<PanoramaPoints>>(u => u.HandleAsync(code, parts))).Value;
    }

    async Task LoadTracksAsync()
    {
        if (!showTracks || figures is null || tracksRead == (figures.Unit.Code, period)) return;
        var (code, p) = (figures.Unit.Code, period);
        tracks = (await Cases.RunAsync<GetPanoramaTracks, Result<PanoramaTracks>>(u => u.HandleAsync(code, p))).Value;
        tracksRead = (code, p);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (figures is null) return;
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/panorama.js");
        self ??= DotNetObjectReference.Create(this);
        var code = figures.Unit.Code;
        var fresh = drawn != code;
        if (fresh)
        {
            drawn = code;
            var json = (await Cases.RunAsync<GetChildrenGeoJson, Result<string>>(u => u.HandleAsync(code))).Value ?? "{\"features\":[]}";
            await module.InvokeVoidAsync("render", "pano-map", JsonDocument.Parse(json).RootElement, Counts(), self);
        }
        else await module.InvokeVoidAsync("recolour", "pano-map", Counts());
        await module.InvokeVoidAsync("points", "pano-map", points?.Tickets ?? [], points?.Components ?? [], showTickets, showParts);
        // Sent again only when they changed or the map was drawn anew: a city's tracks are not small.
        var shown = showTracks ? tracks : null;
        if (fresh || !ReferenceEquals(shown, tracksOnMap))
        {
            tracksOnMap = shown;
            await module.InvokeVoidAsync("tracks", "pano-map", shown?.Tracks ?? []);
        }
        await module.InvokeVoidAsync("donut", "chart-source", $"{figures.Unit.Name}{figures.PeriodName}事件来源", figures.TicketsBySource);
        await module.InvokeVoidAsync("bars", "chart-state", $"{figures.Unit.Name}{figures.PeriodName}事件状态", figures.TicketsByState);
    }

    Dictionary<string, long> Counts() => figures!.Children.ToDictionary(c => c.Code.ToString(), c => c.Tickets);

    [JSInvokable]
    public Task DrillDown(string code) => GoAsync(long.Parse(code));

    Task GoAsync(long code)
    {
        Nav.NavigateTo($"/panorama?unit={code}");
        return Task.CompletedTask;
    }

    async Task OnPeriodAsync(PanoramaPeriod p)
    {
        period = p;
        await LoadAsync();
    }

    // A layer switched on or off: only the points are read again, not the figures.
    async Task ToggleAsync(bool tickets, bool parts)
    {
        (showTickets, showParts) = (tickets, parts);
        await LoadPointsAsync();
    }

    // Only the tracks are read: the figures and points stay as they are.
    async Task ToggleTracksAsync(bool on)
    {
        showTracks = on;
        // Ticked again later, the layer reads the patrols recorded meanwhile.
        if (!on) (tracks, tracksRead) = (null, null);
        await LoadTracksAsync();
    }

    IEnumerable<string> Notes()
    {
        if (points is { } pt && (pt.TicketsTotal > pt.Tickets.Count || pt.ComponentsTotal > pt.Components.Count))
            yield return $"点位较多，地图上显示最新的 {pt.Limit} 个（事件共 {pt.TicketsTotal} 件，部件共 {pt.ComponentsTotal} 个）；请下钻查看。";
        if (showTracks && tracks is { } t && t.Total > t.Tracks.Count)
            yield return $"巡查较多，地图上显示最新的 {t.Limit} 条轨迹（{PeriodName(period)}共 {t.Total} 条）；请下钻或选较短的时段查看。";
    }

    async Task FullscreenAsync() => await JS.InvokeVoidAsync("eval", "document.getElementById('panorama').requestFullscreen()");

    // A ticket reported or moved within the unit shown: its figures and points are read again.
    void OnTicketChanged(TicketChange change)
    {
        if (figures is null) return;
        var (from, to) = OrgCode.Subtree(figures.Unit.Code);
        if (change.GridCode < from || change.GridCode > to) return;
        pending?.Dispose();
        pending = new Timer(_ => _ = InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), null, 700, Timeout.Infinite);
    }

    public async ValueTask DisposeAsync()
    {
        Feed.Changed -= OnTicketChanged;
        pending?.Dispose();
        if (module is not null)
        {
            try { await module.InvokeVoidAsync("dispose", "pano-map"); await module.DisposeAsync(); }
            catch (JSDisconnectedException) { }
        }
        self?.Dispose();
    }
}
