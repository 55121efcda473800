using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Infrastructure;
using NetTopologySuite.Geometries;

namespace GridGov.Features.Tickets.Demo;

// A duplicate and its primary: the link's notes name the primary's number, known once it is saved.
public sealed record DemoLink(Ticket Duplicate, Ticket Primary, TicketEvent LinkEvent, TicketEvent? CloseEvent);

// Tickets ordered by report time, so that ids follow time as they do in a live system.
public sealed record DemoBatch(List<Ticket> Tickets, List<DemoLink> Links);

// Plausible tickets of a district over the past days, as entities with their whole history: the same
// world, seed and present give the same tickets. Street order, city appearance and disputes are
// common, emergencies rare; grid workers report most, in working hours; old tickets are mostly closed.
public sealed class TicketGenerator
{
    public const int DefaultDays = 120;

    readonly DemoWorld world;
    readonly TicketClock clock;
    readonly Random rng;
    readonly (TicketCategory Category, double Weight)[] categories;
    readonly double totalWeight;
    readonly DemoGrid[] streetGrids;
    readonly DemoGrid? focusGrid;
    static readonly GeometryFactory Points = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    // Tickets per major class (relative), and minors people report much more than their neighbours.
    static readonly Dictionary<string, double> MajorWeights = new()
    {
        ["E01"] = 3.0, ["E05"] = 3.0, ["G01"] = 1.5, ["E02"] = 1.2, ["E03"] = 1.0, ["E06"] = 0.8, ["E04"] = 0.3,
        ["C01"] = 1.0, ["C02"] = 0.6, ["C03"] = 0.6, ["C04"] = 0.5, ["C05"] = 0.15, ["C06"] = 0.2,
        ["G02"] = 1.0, ["G03"] = 0.4, ["G04"] = 0.8, ["G05"] = 0.3, ["G06"] = 0.4,
    };
    static readonly Dictionary<string, double> MinorBoosts = new()
    {
        ["E0102"] = 3, ["E0505"] = 3, ["E0514"] = 2.5, ["E0506"] = 2, ["E0201"] = 2, ["E0104"] = 1.5, ["E0507"] = 1.5,
        ["E0504"] = 1.5, ["G0101"] = 2, ["G0103"] = 1.5, ["G0202"] = 2, ["C0118"] = 1.5,
    };
    static readonly (TicketSource Source, double Weight)[] Sources =
    [
        (TicketSource.Patrol, 0.48), (TicketSource.Hotline, 0.20), (TicketSource.DigitalCity, 0.14),
        (TicketSource.Public, 0.10), (TicketSource.Staff, 0.05), (TicketSource.OtherSystem, 0.03),
    ];
    // Reports per hour of the day (China time): grid workers and collectors in working hours, the
    // public around the clock with evenings.
    static readonly double[] WorkingDayHours = [0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 2.5, 0.5, 1, 3, 3, 2.5, 1, 0, 0, 0, 0, 0, 0];
    static readonly double[] PublicHours = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.4, 1, 2, 3, 3, 2.5, 1.5, 1.5, 2.5, 2.5, 2.5, 2, 1.5, 1.8, 1.8, 1.4, 0.8, 0.4];

    public TicketGenerator(DemoWorld world, TicketClock clock, int seed)
    {
        (this.world, this.clock, rng) = (world, clock, new Random(seed));
        categories = [.. world.Categories.Where(c => c.IsMinor && c.Enabled && c.HandleLimit is not null)
            .Select(c => (c, Weight(c) / world.Categories.Count(x => x.ParentCode == c.ParentCode)))];
        totalWeight = categories.Sum(c => c.Weight);
        streetGrids = [.. world.Grids.Where(g => OrgCode.Street(g.Code) == world.FocusStreet)];
        focusGrid = world.Grids.FirstOrDefault(g => g.Code == world.FocusGrid);
    }

    static double Weight(TicketCategory c) =>
        MajorWeights.GetValueOrDefault(c.ParentCode!, 0.5) * MinorBoosts.GetValueOrDefault(c.Code, 1) * (c.Urgent ? 0.3 : 1);

    // The states a few recent tickets are held in, so that every queue has something at any hour.
    static readonly TicketState[] HeldStates =
        [TicketState.Reported, TicketState.Accepted, TicketState.Dispatched, TicketState.Returned, TicketState.Handled, TicketState.Verified, TicketState.Shelved];

    public DemoBatch Generate(int count, DateTime nowUtc, int days = DefaultDays)
    {
        var lives = new List<DemoLife>(count);
        var links = new List<DemoLink>();
        var held = Math.Min(count, Math.Max(2 * HeldStates.Length, count / 200));
        // One of each in the demo accounts' street, so that its every queue has some; the rest anywhere.
        for (var i = 0; i < held; i++) lives.Add(NewHeldTicket(HeldStates[i % HeldStates.Length], i < HeldStates.Length, nowUtc, days));
        // About one report in thirty is a problem someone already reported.
        var duplicates = count / 30;
        while (lives.Count < count - duplicates) lives.Add(NewTicket(nowUtc, 0, days - 1));
        var primaries = lives.ToList();
        var open = primaries.Where(l => (l.Ticket.IsOpen || l.Ticket.State == TicketState.Shelved) && l.Ticket.ReportedAt < nowUtc.AddDays(-1)).ToList();
        while (lives.Count < count)
        {
            // A third of them about a problem still open: people call again about what is not fixed yet.
            var pool = lives.Count % 3 == 0 && open.Count > 0 ? open : primaries;
            DemoLife? life = null;
            for (var tries = 0; life is null && tries < 20; tries++)
                life = NewDuplicate(pool[rng.Next(pool.Count)], nowUtc, links);
            lives.Add(life ?? NewTicket(nowUtc, 0, days - 1));
        }
        return new([.. lives.Select(l => l.Ticket).OrderBy(t => t.ReportedAt)], links);
    }

    // A recent ticket that stopped in the state (anything else is drawn again): waiting to be accepted
    // for a day or two, or stuck in a later stage for days, overdue and perhaps supervised.
    DemoLife NewHeldTicket(TicketState hold, bool inStreet, DateTime now, int days)
    {
        var (from, to) = hold is TicketState.Reported or TicketState.Accepted ? (0, 2) : (2, 8);
        DemoLife life = null!;
        for (var tries = 0; tries < 30 && life?.Ticket.State != hold; tries++)
            life = NewTicket(now, from, Math.Min(to, days - 1), hold, inStreet);
        return life;
    }

    DemoLife NewTicket(DateTime now, int fromDay, int toDay, TicketState? hold = null, bool inStreet = false)
    {
        var category = DrawCategory();
        var grid = inStreet && streetGrids.Length > 0 ? streetGrids[rng.Next(streetGrids.Length)] : DrawGrid();
        var source = Draw(Sources);
        if (source == TicketSource.DigitalCity && category.Kind == CategoryKind.Governance) source = TicketSource.Patrol;
        var place = Place(grid.Code, category);
        var (lon, lat) = PointIn(grid);
        var t = NewTicketEntity(category, grid.Code, source, DrawTime(now, fromDay, toDay, source), Describe(category, place), place, lon, lat);
        var cast = new DemoCast(world, grid.Code);
        var (reporter, evaluator, rate) = Reporter(t, cast);
        var life = new DemoLife(t, clock, now, reporter) { Hold = hold };
        new DemoStory(world, rng, life, cast, category).Tell(evaluator, rate);
        return life;
    }

    // The same problem reported again, by phone or online, while the first report is being handled:
    // the acceptor links it to the first (or, if that was finished meanwhile, turns it down).
    DemoLife? NewDuplicate(DemoLife primary, DateTime now, List<DemoLink> links)
    {
        var p = primary.Ticket;
        if (p.State == TicketState.Rejected || p.Address is null) return null;
        var end = primary.EndedAt ?? now;
        var (earliest, latest) = (p.ReportedAt.AddHours(1), end.AddHours(-2));
        if (latest <= earliest) return null;
        var category = world.Categories.First(c => c.Id == p.CategoryId);
        var grid = world.Grids.First(g => g.Code == p.GridCode);
        var reported = Second(earliest + (latest - earliest) * rng.NextDouble());
        var source = rng.NextDouble() < 0.7 ? TicketSource.Hotline : TicketSource.Public;
        var (lon, lat) = Near(grid, p.Lon!.Value, p.Lat!.Value);
        var t = NewTicketEntity(category, p.GridCode, source, reported, Describe(category, p.Address), p.Address, lon, lat);
        var cast = new DemoCast(world, p.GridCode);
        var (reporter, _, _) = Reporter(t, cast);
        var life = new DemoLife(t, clock, now, reporter);
        var at = life.After(reported, t.AcceptLimit, 0.1 + 0.6 * rng.NextDouble());
        var acceptor = cast.Acceptor(t.CentreCode);
        if (primary.EndedAt is { } ended && ended <= at)
        {
            life.Do(TicketAction.Reject, at, acceptor, "同一问题已处理完毕，不再重复立案");
            return life;
        }
        if (!life.Do(TicketAction.LinkDuplicate, at, acceptor, "与同一地点的在办工单为同一问题")) return life;
        var link = t.Events[^1];
        TicketEvent? close = null;
        if (p.State == TicketState.Closed && primary.EndedAt is { } closedAt
            && life.Do(TicketAction.CloseWithPrimary, closedAt, DemoCast.System, $"随主工单结案：{p.Result}", result: p.Result))
            close = t.Events[^1];
        links.Add(new(t, p, link, close));
        return life;
    }

    Ticket NewTicketEntity(TicketCategory c, long grid, TicketSource source, DateTime reported, string description, string place, double lon, double lat) => new()
    {
        CategoryId = c.Id, Description = description, Address = place, Lon = lon, Lat = lat, GridCode = grid, CentreCode = OrgCode.Street(grid),
        Source = source, Urgent = c.Urgent || (source == TicketSource.Hotline && rng.NextDouble() < 0.02), ReportedAt = reported,
        AcceptLimit = c.AcceptLimit!, DispatchLimit = c.DispatchLimit!, HandleLimit = c.HandleLimit!, VerifyLimit = c.VerifyLimit!,
    };

    // Who reported it, and who (if anyone) evaluates the result, how often.
    (StepActor Reporter, StepActor? Evaluator, double Rate) Reporter(Ticket t, DemoCast cast)
    {
        switch (t.Source)
        {
            case TicketSource.Patrol:
                var worker = cast.GridWorker;
                (t.ReporterId, t.ReporterName) = (worker.Id, worker.Id is null ? DemoText.GridWorker(t.GridCode) : worker.Name);
                return (worker, worker, 0.3);
            case TicketSource.Hotline:
                t.ReporterName = DemoText.Citizen(rng);
                t.ReporterPhone = $"1{rng.Next(3, 9)}{rng.Next(10)}****{rng.Next(10_000):D4}";
                return (new(null, "12345热线"), new(null, $"12345热线回访（{t.ReporterName}）"), 0.7);
            case TicketSource.Public:
                t.ReporterName = DemoText.Citizen(rng);
                var citizen = new StepActor(null, $"{t.ReporterName}（公众上报）");
                return (citizen, citizen, 0.5);
            case TicketSource.DigitalCity:
                t.ReporterName = "信息采集员" + DemoText.PersonName(rng);
                return (new(null, "数字城管平台"), null, 0);
            case TicketSource.OtherSystem:
                t.ReporterName = "110社会联动平台";
                return (new(null, t.ReporterName), null, 0);
            default:
                var staff = cast.Acceptor(t.CentreCode);
                (t.ReporterId, t.ReporterName) = (staff.Id, staff.Name);
                return (staff, null, 0);
        }
    }

    TicketCategory DrawCategory()
    {
        var x = rng.NextDouble() * totalWeight;
        foreach (var (c, w) in categories)
            if ((x -= w) < 0) return c;
        return categories[^1].Category;
    }

    // The demo accounts' grid and street get more than their share, so their queues are full.
    DemoGrid DrawGrid()
    {
        var x = rng.NextDouble();
        if (x < 0.06 && focusGrid is not null) return focusGrid;
        if (x < 0.26 && streetGrids.Length > 0) return streetGrids[rng.Next(streetGrids.Length)];
        return world.Grids[rng.Next(world.Grids.Count)];
    }

    T Draw<T>((T Value, double Weight)[] options)
    {
        var x = rng.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (v, w) in options)
            if ((x -= w) < 0) return v;
        return options[^1].Value;
    }

    // A day between fromDay and toDay days ago (recent ones a little busier, rest days quieter) and an
    // hour of the day that fits the source.
    DateTime DrawTime(DateTime now, int fromDay, int toDay, TicketSource source)
    {
        var days = toDay - fromDay + 1;
        var today = ChinaTime.DateOf(now);
        var office = source is TicketSource.Patrol or TicketSource.DigitalCity or TicketSource.Staff;
        var hours = office ? WorkingDayHours : PublicHours;
        while (true)
        {
            var back = fromDay + rng.Next(days);
            if (rng.NextDouble() > 0.75 + 0.25 * (1 - (double)back / Math.Max(1, toDay))) continue;
            var date = today.AddDays(-back);
            if (!clock.Calendar.IsWorkingDay(date) && rng.NextDouble() > (office ? 0.3 : 0.75)) continue;
            var x = rng.NextDouble() * hours.Sum();
            int hour;
            for (hour = 0; hour < 23 && (x -= hours[hour]) >= 0; hour++) { }
            var utc = ChinaTime.ToUtc(date.ToDateTime(new TimeOnly(hour, rng.Next(60), rng.Next(60))));
            if (utc < now) return utc;
        }
    }

    // An address in the grid's street: a house number, a crossing, a building of the community's estate.
    string Place(long grid, TicketCategory category)
    {
        var roads = DemoText.RoadsByStreet.GetValueOrDefault(OrgCode.Street(grid)) ?? DemoText.Roads;
        var road = roads[rng.Next(roads.Length)];
        var estate = DemoText.Estate(world.NameOf(OrgCode.Community(grid)));
        var x = rng.NextDouble();
        if (category.Kind == CategoryKind.Governance) x = x < 0.65 ? 0.7 : x < 0.9 ? 0.1 : 0.9;
        return x switch
        {
            < 0.5 => $"{road}{rng.Next(1, 300)}号",
            < 0.65 => roads.Where(r => r != road).ToArray() is { Length: > 0 } other ? $"{road}与{other[rng.Next(other.Length)]}交叉口" : $"{road}{rng.Next(1, 300)}号",
            < 0.85 => $"{estate}小区{rng.Next(1, 40)}栋{rng.Next(1, 6)}单元",
            < 0.9 => $"{estate}小区",
            _ => road + DemoText.Landmarks[rng.Next(DemoText.Landmarks.Length)],
        };
    }

    string Describe(TicketCategory category, string place)
    {
        var phrases = world.Phrases[category.Code].ToList();
        var text = phrases.Count == 0 ? $"{DemoPhrases.Place}发现{category.Name}问题" : phrases[rng.Next(phrases.Count)];
        return DemoPhrases.Fill(text, place);
    }

    // A point inside the grid: drawn in its bounding box until it falls inside (grids are compact).
    (double Lon, double Lat) PointIn(DemoGrid grid)
    {
        var e = grid.Boundary.EnvelopeInternal;
        for (var i = 0; i < 500; i++)
        {
            var (lon, lat) = (Math.Round(e.MinX + e.Width * rng.NextDouble(), 6), Math.Round(e.MinY + e.Height * rng.NextDouble(), 6));
            if (grid.Prepared.Contains(Points.CreatePoint(new Coordinate(lon, lat)))) return (lon, lat);
        }
        var p = grid.Boundary.InteriorPoint;
        return (p.X, p.Y);
    }

    // Within about twenty metres of the first report, in the same grid.
    (double Lon, double Lat) Near(DemoGrid grid, double lon, double lat)
    {
        var (x, y) = (Math.Round(lon + (rng.NextDouble() - 0.5) * 0.0004, 6), Math.Round(lat + (rng.NextDouble() - 0.5) * 0.0004, 6));
        return grid.Prepared.Contains(Points.CreatePoint(new Coordinate(x, y))) ? (x, y) : (lon, lat);
    }

    static DateTime Second(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
