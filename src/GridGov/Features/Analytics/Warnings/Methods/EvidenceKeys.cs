using System.Security.Cryptography;
using System.Text;

namespace GridGov.Features.Analytics.Warnings;

// What makes two warnings "the same evidence": the rule and its sorted ticket ids (threshold, cluster,
// deadline wave), or the rule, the area and the China date of the day that spiked. Stored as the
// SHA-256 of that text under a unique index, so a repeated evaluation — the next minute, another node
// — cannot raise the warning again.
public static class EvidenceKeys
{
    public static string OfTickets(long ruleId, IEnumerable<long> ticketIds) =>
        Hash($"{ruleId}|{string.Join(',', ticketIds.Order())}");

    public static string OfDay(long ruleId, long areaCode, DateOnly day) => Hash($"{ruleId}|{areaCode}|{day:yyyy-MM-dd}");

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

// Counting rules: threshold and deadline wave are "at least N tickets of one group". Tickets already
// evidence of a warning of the same rule are left out before counting, so a group fires again only on N
// tickets it has not warned of (docs/early-warning.md, "never twice").
public static class CountRules
{
    // Groups with at least minCount ids, each with its ids sorted; largest group first.
    public static List<(TGroup Group, List<long> Ids)> AtLeast<TGroup>(IEnumerable<(long Id, TGroup Group)> rows, int minCount) where TGroup : notnull =>
        [.. rows.GroupBy(r => r.Group).Where(g => g.Count() >= minCount)
            .Select(g => (g.Key, g.Select(r => r.Id).Distinct().Order().ToList()))
            .OrderByDescending(g => g.Item2.Count)];

    // The unit a ticket counts in: its unit at the rule's level, or the rule's area itself when the
    // level is not below the area's (or no level is set); the city when the rule has no area.
    public static long GroupOf(long gridCode, long? areaCode, OrgLevel? level)
    {
        var areaLevel = areaCode is { } a ? OrgCode.LevelOf(a) ?? OrgLevel.City : OrgLevel.City;
        if (level is { } l && l > areaLevel) return OrgCode.At(gridCode, l);
        return areaCode ?? OrgCode.At(gridCode, OrgLevel.City);
    }
}
