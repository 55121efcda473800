using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Addresses;

// Where a row's person lives: the standard address its text names (in the caller's scope), or, for a
// person without one yet, the grid given by code. Errors name the field.
public sealed record AddressMatch(long? AddressId, long GridCode, string? Text, string? Field = null, string? Error = null);

public sealed class AddressMatcher(Places places)
{
    // Address text as people type it: spaces and the full-width/half-width difference do not count.
    public static string Normalize(string text) => new([.. ImportCleaning.Value(text).Where(c => !char.IsWhiteSpace(c))]);

    public async Task<Dictionary<PersonDraft, AddressMatch>> MatchAsync(GridDbContext db, IReadOnlyList<PersonDraft> drafts, AddressCache? seen, CancellationToken ct)
    {
        seen ??= new AddressCache();
        var keys = new Dictionary<PersonDraft, string>(ReferenceEqualityComparer.Instance);
        foreach (var d in drafts) keys[d] = Normalize(d.Address);
        // Rows that name their community are looked up within it (the name resolved once per chunk),
        // the others city-wide; either way the scope filter applies, so an address outside the
        // caller's area is no match.
        var communities = new Dictionary<string, List<long>>();
        foreach (var name in drafts.Select(d => d.Community).OfType<string>().Distinct())
            communities[name] = await places.CodesNamedAsync(name, ct);
        // What an earlier chunk of the same run looked up is not asked again (a file lists the same
        // buildings over and over).
        var named = drafts.Where(d => d.Address.Length > 0 && d.Community is not null && !seen.Has(d.Community, keys[d])).ToList();
        var plain = drafts.Where(d => d.Address.Length > 0 && d.Community is null && !seen.Has(null, keys[d])).ToList();
        var found = new List<Candidate>();
        if (named.Count > 0)
        {
            var codes = named.SelectMany(d => communities[d.Community!]).Distinct().ToList();
            found.AddRange(await Candidates(db, [.. named.Select(d => keys[d]).Distinct()], codes).ToListAsync(ct));
        }
        if (plain.Count > 0)
            found.AddRange(await Candidates(db, [.. plain.Select(d => keys[d]).Distinct()], null).ToListAsync(ct));
        var byText = found.DistinctBy(a => a.Id).ToLookup(a => a.FullName);
        foreach (var d in named) seen.Add(d.Community, keys[d], [.. byText[keys[d]].Where(c => communities[d.Community!].Contains(c.CommunityCode))]);
        foreach (var d in plain) seen.Add(null, keys[d], [.. byText[keys[d]]]);
        var result = new Dictionary<PersonDraft, AddressMatch>(ReferenceEqualityComparer.Instance);
        foreach (var d in drafts)
        {
            var candidates = d.Address.Length == 0 ? [] : seen.Get(d.Community, keys[d]);
            result[d] = candidates.Count switch
            {
                1 => new(candidates[0].Id, candidates[0].GridCode, d.Address),
                > 1 => new(null, 0, null, PersonCheck.Community, d.Community is null
                    ? $"“{d.Address}”在您的辖区内有 {candidates.Count} 处，请在“所属社区”列注明社区名称"
                    : $"“{d.Community}”中有 {candidates.Count} 处“{d.Address}”"),
                _ => d.Community is not null && communities[d.Community].Count == 0
                    ? new(null, 0, null, PersonCheck.Community, $"没有名为“{d.Community}”的社区")
                    : await ByGridAsync(db, d, ct),
            };
        }
        return result;
    }

    public sealed record Candidate(long Id, string FullName, long GridCode, long CommunityCode);

    static IQueryable<Candidate> Candidates(GridDbContext db, List<string> texts, List<long>? communities)
    {
        var rows = db.Set<Address>().AsNoTracking().Where(a => EF.Parameter(texts).Contains(a.FullName) && a.State != VerificationState.Removed);
        if (communities is not null) rows = rows.Where(a => EF.Parameter(communities).Contains(a.CommunityCode));
        return rows.Select(a => new Candidate(a.Id, a.FullName, a.GridCode, a.CommunityCode));
    }

    async Task<AddressMatch> ByGridAsync(GridDbContext db, PersonDraft d, CancellationToken ct)
    {
        if (d.GridCode is not { } grid)
            return d.Address.Length == 0 ? new(null, 0, null, PersonCheck.Address, "必填（或填写网格编码）")
                : new(null, 0, null, PersonCheck.Address, $"“{d.Address}”不是您辖区内的标准地址（请先登记该地址，或填写网格编码）");
        if (!db.Scope.Contains(grid) || await places.NameAsync(grid, ct) is null)
            return new(null, 0, null, PersonCheck.GridCode, $"网格 {grid} 不存在或不在您的数据范围内");
        return new(null, grid, d.Address.Length > 0 ? d.Address : null);
    }
}

// Addresses already looked up in this import run, by (community named or not, text); bounded, so a
// file of a whole city does not keep every address in memory.
public sealed class AddressCache
{
    const int Max = 200_000;
    readonly Dictionary<(string?, string), List<AddressMatcher.Candidate>> entries = [];

    public bool Has(string? community, string text) => entries.ContainsKey((community, text));

    public List<AddressMatcher.Candidate> Get(string? community, string text) => entries.GetValueOrDefault((community, text)) ?? [];

    public void Add(string? community, string text, List<AddressMatcher.Candidate> candidates)
    {
        if (entries.Count >= Max) entries.Clear();
        entries[(community, text)] = candidates;
    }
}
