namespace GridGov.Features.Tickets.Pages;

// The transition table laid out by hand for an SVG drawn on the server: the main line (上报 → 结案)
// across the middle lane, the exceptions above and below it beside the state they leave, and every
// arrow a fixed orthogonal route between them. Each label sits beside its own segment in a place no
// other label or box takes (checked by FlowDiagramTests on the rendered page); a transition the table
// gains without a route here throws, so the picture cannot silently lose an arrow.
public static class FlowLayout
{
    public const double Width = 1000, Height = 350, BoxWidth = 88, BoxHeight = 36, FontSize = 12;
    const double Col0 = 110, ColStep = 165, Top = 64, Main = 170, Bottom = 270, Floor = 330, Sky = 22;
    const double Pair = 14; // two arrows between the same two states run this far either side of centre

    public sealed record Node(TicketState State, string Name, double X, double Y, bool Final);
    public enum Side { Above, Below, Left, Right }
    // Points of the polyline (the arrow head at the last); the label goes beside segment LabelSegment.
    public sealed record Edge(TicketState From, TicketState To, string Label, bool System, IReadOnlyList<(double X, double Y)> Points, int LabelSegment, Side LabelSide, double LabelAt = 0.5);
    public sealed record Label(string Text, double X, double Y, string Anchor);

    static readonly Dictionary<TicketState, (double X, double Y)> Places = new()
    {
        [TicketState.Reported] = (Col(0), Main), [TicketState.Accepted] = (Col(1), Main), [TicketState.Dispatched] = (Col(2), Main),
        [TicketState.Handled] = (Col(3), Main), [TicketState.Verified] = (Col(4), Main), [TicketState.Closed] = (Col(5), Main),
        // Above: the refusal (a little to the left, the self-handling arrow climbs beside it) and the return.
        [TicketState.Rejected] = (Col(0) - 40, Top), [TicketState.Returned] = (Col(2), Top),
        // Below: the duplicate and the shelved ticket.
        [TicketState.Duplicate] = (Col(0), Bottom), [TicketState.Shelved] = (Col(2), Bottom),
    };

    static double Col(int i) => Col0 + i * ColStep;
    static double TopOf(TicketState s) => Places[s].Y - BoxHeight / 2;
    static double BottomOf(TicketState s) => Places[s].Y + BoxHeight / 2;
    static double LeftOf(TicketState s) => Places[s].X - BoxWidth / 2;
    static double RightOf(TicketState s) => Places[s].X + BoxWidth / 2;

    public static IReadOnlyList<Node> Nodes { get; } = Places
        .Select(p => new Node(p.Key, TicketFlow.StateName(p.Key), p.Value.X, p.Value.Y, p.Key is TicketState.Closed or TicketState.Rejected)).ToList();

    public static IReadOnlyList<Edge> Edges { get; } = TicketFlow.Table.Where(t => t.From != t.To).GroupBy(t => (t.From, t.To))
        .Select(g => Route(g.Key.From, g.Key.To, string.Join("/", g.Select(t => TicketFlow.ActionName(t.Action)).Distinct()), g.All(t => t.Actor == Actor.System)))
        .ToList();

    public static IEnumerable<string> Overlays => TicketFlow.Table.Where(t => t.From == t.To).Select(t => TicketFlow.ActionName(t.Action)).Distinct();

    static Edge Route(TicketState from, TicketState to, string label, bool system)
    {
        var (fx, fy) = Places[from];
        var (tx, ty) = Places[to];
        Edge E(int segment, Side side, params (double, double)[] points) => new(from, to, label, system, points, segment, side);
        return (from, to) switch
        {
            // Forward along the main line: straight, the label above. Between 处置中 and 待核查 the way
            // back runs just below the way there, its label underneath.
            (TicketState.Dispatched, TicketState.Handled) => E(0, Side.Above, (RightOf(from), fy - 8), (LeftOf(to), ty - 8)),
            (TicketState.Handled, TicketState.Dispatched) => E(0, Side.Below, (LeftOf(from), fy + 8), (RightOf(to), ty + 8)),
            _ when fy == Main && ty == Main && tx > fx && tx - fx < ColStep + 1 => E(0, Side.Above, (RightOf(from), fy), (LeftOf(to), ty)),
            // Straight up to the refusal, the label on the left (the self-handling arrow climbs on the right).
            (TicketState.Reported, TicketState.Rejected) => E(0, Side.Left, (fx - 20, TopOf(from)), (fx - 20, BottomOf(to))),
            // Self-handling skips two states: up over the upper lane and down into 待核查.
            (TicketState.Reported, TicketState.Handled) => E(1, Side.Above, (fx + 30, TopOf(from)), (fx + 30, Sky), (tx, Sky), (tx, TopOf(to))),
            // A pair on one column: away on the left, back on the right, each labelled on its own side.
            (TicketState.Dispatched, TicketState.Returned) or (TicketState.Dispatched, TicketState.Shelved) or (TicketState.Reported, TicketState.Duplicate) =>
                E(0, Side.Left, (fx - Pair, ty < fy ? TopOf(from) : BottomOf(from)), (fx - Pair, ty < fy ? BottomOf(to) : TopOf(to))),
            (TicketState.Returned, TicketState.Dispatched) or (TicketState.Shelved, TicketState.Dispatched) or (TicketState.Duplicate, TicketState.Reported) =>
                E(0, Side.Right, (tx + Pair, ty > fy ? BottomOf(from) : TopOf(from)), (tx + Pair, ty > fy ? TopOf(to) : BottomOf(to))),
            // From 待派遣 down and left into 已关联, the label under the level part.
            (TicketState.Accepted, TicketState.Duplicate) => E(1, Side.Below, (fx, BottomOf(from)), (fx, ty), (RightOf(to), ty)),
            // The system closes a duplicate with its primary: along the floor to 已结案, labelled under 待结案.
            (TicketState.Duplicate, TicketState.Closed) => new(from, to, label, system, [(fx, BottomOf(from)), (fx, Floor), (tx, Floor), (tx, BottomOf(to))], 1, Side.Above, 0.82),
            _ => throw new InvalidOperationException($"处置流程图缺少 {from} → {to} 的画法"),
        };
    }

    // Where a label goes: the middle (or LabelAt) of its segment, off it on its side.
    public static Label LabelOf(Edge e)
    {
        var (a, b) = (e.Points[e.LabelSegment], e.Points[e.LabelSegment + 1]);
        var x = a.X + (b.X - a.X) * e.LabelAt;
        var y = a.Y + (b.Y - a.Y) * e.LabelAt;
        return e.LabelSide switch
        {
            Side.Above => new(e.Label, x, y - 5, "middle"),
            Side.Below => new(e.Label, x, y + FontSize + 3, "middle"),
            Side.Left => new(e.Label, x - 6, y + FontSize / 2 - 1, "end"),
            _ => new(e.Label, x + 6, y + FontSize / 2 - 1, "start"),
        };
    }

    public static string PathOf(Edge e) =>
        "M" + string.Join(" L", e.Points.Select(p => FormattableString.Invariant($"{p.X:0.#} {p.Y:0.#}")));
}
