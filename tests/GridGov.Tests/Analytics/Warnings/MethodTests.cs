using GridGov.Features.Analytics.Warnings;

namespace GridGov.Tests.Analytics.Warnings;

// The pure maths of the rules on numbers worked out by hand.
public sealed class MethodTests
{
    // 12 days, oldest first; the last is day t.
    static int[] Days(params int[] last) => [.. Enumerable.Repeat(0, 12 - last.Length), .. last];

    [Fact]
    public void C1_compares_today_with_the_seven_days_before_it()
    {
        // Baseline 2,4,2,4,2,4,3: mean 3, sd 1 (n − 1): the line is 6.
        int[] counts = Days(2, 4, 2, 4, 2, 4, 3, 7);
        var fire = Ears.Check(counts, SpikeMethod.C1, 3, 0, 1);
        Assert.Equal((3.0, 1.0, 6.0, true), (fire.Mean, Math.Round(fire.Sd, 6), Math.Round(fire.Upper, 6), fire.Alarm));
        Assert.Equal(4.0, fire.Statistic, 6);
        counts[^1] = 6;
        Assert.False(Ears.Check(counts, SpikeMethod.C1, 3, 0, 1).Alarm);
    }

    [Fact]
    public void C2_leaves_two_guard_days_so_a_slow_rise_does_not_hide_in_its_own_baseline()
    {
        // Days t-2 and t-1 already high (9, 10): C1's baseline has them, C2's (t-9..t-3) does not.
        int[] counts = Days(2, 4, 2, 4, 2, 4, 3, 9, 10, 11);
        Assert.False(Ears.Check(counts, SpikeMethod.C1, 3, 0, 1).Alarm);
        var c2 = Ears.Check(counts, SpikeMethod.C2, 3, 0, 1);
        Assert.True(c2.Alarm);
        Assert.Equal(3.0, c2.Mean, 6);
    }

    [Fact]
    public void C3_adds_the_exceedances_of_the_last_three_days()
    {
        // Each of the last three days is 2.7–2.9 sd above its C2 baseline (2,4 alternating: sd 1.07):
        // C2 alone (limit 3) is quiet, C3 ≈ 1.9 + 1.7 + 1.9 = 5.5 > 2 fires.
        int[] counts = [2, 4, 2, 4, 2, 4, 2, 4, 2, 6, 6, 6];
        Assert.False(Ears.Check(counts, SpikeMethod.C2, 3, 0, 1).Alarm);
        var c3 = Ears.Check(counts, SpikeMethod.C3, 2, 0, 1);
        Assert.True(c3.Alarm, $"C3 = {c3.Statistic}");
        Assert.True(c3.Statistic > 2);
        // One day 2 sd above: C3 ≈ 1.1 stays below 2.
        int[] once = [2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 5];
        Assert.False(Ears.Check(once, SpikeMethod.C3, 2, 0, 1).Alarm);
    }

    [Fact]
    public void The_sd_floor_and_the_least_count_keep_a_quiet_baseline_from_alarming_on_one_ticket()
    {
        int[] counts = Days(1);
        Assert.True(Ears.Check(counts, SpikeMethod.C1, 3, 0, 1).Alarm);   // without a floor: 1 after zeros is "infinitely" high
        Assert.False(Ears.Check(counts, SpikeMethod.C1, 3, 1, 1).Alarm);  // floor 1: 1 < 0 + 3
        Assert.False(Ears.Check(Days(4), SpikeMethod.C1, 3, 1, 5).Alarm); // above the line but fewer than 5 tickets
        Assert.True(Ears.Check(Days(5), SpikeMethod.C1, 3, 1, 5).Alarm);
    }

    [Fact]
    public void The_series_checks_every_day_that_has_its_history()
    {
        var series = Ears.Series(Days(2, 4, 2, 4, 2, 4, 3, 7), SpikeMethod.C2, 3, 1, 1);
        Assert.Equal(12 - Ears.History(SpikeMethod.C2), series.Count);
        Assert.Equal(11, series[^1].Day);
        Assert.True(series[^1].Check.Alarm);
    }

    [Fact]
    public void Clusters_are_similar_tickets_within_the_radius_of_one_of_them()
    {
        // Metres east of a point in 南京: five within 120 m, one of them of another kind; two 2 km away.
        static ClusterPoint At(double east) => new(118.79 + east / (111_320 * Math.Cos(32.05 * Math.PI / 180)), 32.05);
        ClusterPoint[] points = [At(0), At(40), At(80), At(120), At(60), At(2000), At(2050)];
        int[] kind = [1, 1, 1, 1, 2, 1, 1];
        bool Same(int a, int b) => kind[a] == kind[b];
        Assert.Empty(SpaceTimeClusters.Find(points, 300, 5, Same));
        var four = Assert.Single(SpaceTimeClusters.Find(points, 300, 4, Same));
        Assert.Equal([0, 1, 2, 3], four.Order());
        // Alike across kinds: one cluster of five; the far pair stays out at any size above two.
        Assert.Equal([0, 1, 2, 3, 4], Assert.Single(SpaceTimeClusters.Find(points, 300, 5, (_, _) => true)).Order());
        // Down to pairs: the largest first, then the far pair; the lone other kind is no cluster.
        var pairs = SpaceTimeClusters.Find(points, 300, 2, Same);
        Assert.Equal(2, pairs.Count);
        Assert.Equal([5, 6], pairs[1].Order());
        // A radius of 30 m: no circle holds four.
        Assert.Empty(SpaceTimeClusters.Find(points, 30, 4, Same));
    }

    [Fact]
    public void Evidence_keys_name_the_rule_and_the_set_not_its_order()
    {
        Assert.Equal(EvidenceKeys.OfTickets(7, [3, 1, 2]), EvidenceKeys.OfTickets(7, [1, 2, 3]));
        Assert.NotEqual(EvidenceKeys.OfTickets(7, [1, 2, 3]), EvidenceKeys.OfTickets(8, [1, 2, 3]));
        Assert.NotEqual(EvidenceKeys.OfTickets(7, [1, 2, 3]), EvidenceKeys.OfTickets(7, [1, 2, 3, 4]));
        Assert.Equal(64, EvidenceKeys.OfDay(7, 320102002, new DateOnly(2026, 12, 5)).Length);
        Assert.NotEqual(EvidenceKeys.OfDay(7, 320102002, new DateOnly(2026, 12, 5)), EvidenceKeys.OfDay(7, 320102002, new DateOnly(2026, 12, 6)));
    }

    [Fact]
    public void A_ticket_counts_in_its_unit_at_the_rules_level_or_in_the_rules_area()
    {
        const long Grid = 320102002001003;
        Assert.Equal(320102002001, CountRules.GroupOf(Grid, 320102, OrgLevel.Community));
        Assert.Equal(320102002, CountRules.GroupOf(Grid, null, OrgLevel.Street));
        Assert.Equal(320102, CountRules.GroupOf(Grid, 320102, null));
        // A level not below the area's: the area as one.
        Assert.Equal(320102002, CountRules.GroupOf(Grid, 320102002, OrgLevel.District));
        Assert.Equal(3201, CountRules.GroupOf(Grid, null, null));
        var groups = CountRules.AtLeast([(5, "a"), (3, "a"), (9, "b"), (4, "a"), (5, "a")], 3);
        var a = Assert.Single(groups);
        Assert.Equal("a", a.Group);
        Assert.Equal([3, 4, 5], a.Ids);
    }
}
