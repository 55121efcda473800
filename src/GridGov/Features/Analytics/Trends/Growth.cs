namespace GridGov.Features.Analytics.Trends;

// A count beside its base (the period before: 环比; the year before: 同比). With an empty base there
// is no rate: the text says 新增 (or — when both are empty), never ∞ or a division by zero.
public sealed record Growth(long Count, long Base)
{
    public long Change => Count - Base;
    public double? Rate => Base == 0 ? null : (double)(Count - Base) / Base;
    public string Text => Base == 0 ? (Count == 0 ? "—" : "新增") : Rate!.Value.ToString("+0.0%;-0.0%;0.0%", System.Globalization.CultureInfo.InvariantCulture);
}
