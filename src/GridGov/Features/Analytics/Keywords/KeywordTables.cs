using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Analytics.Keywords;

// The keyword index (docs/hot-keywords.md): what KeywordIndexer derives from the tickets' texts, so that
// no page segments text. All of it can be thrown away and made again from the tickets.

// A word that has been a keyword of some ticket, stored once and counted by its id. Id 0 is no word:
// it stands for "the ticket itself", so that the same sums count tickets (documents) and words.
public class KeywordTerm
{
    public const int AllTickets = 0;

    public int Id { get; set; }
    public required string Text { get; set; }
}

// One keyword of one ticket (and one row of TermId 0 per ticket), with the ticket's grid and its China
// report date: the ticket list of a word, the counts of communities and grids, and of the days not yet
// summed up in KeywordCount.
public class TicketKeyword : IGridScoped
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public int TermId { get; set; }
    public long GridCode { get; set; }
    public DateOnly Day { get; set; }
}

// How many tickets of one unit had a word on one day (Monthly: in one calendar month, Date its first
// day). Kept for cities and streets only (UnitCode their code): a district adds up its streets, a
// community or grid is read from TicketKeyword. The street row of code D·1000 holds the tickets placed on
// district D itself; tickets placed on a city itself are in its city row only.
// Not place-bound (IGridScoped) on purpose: a sum is read only for a unit the caller sees whole, with
// all its tickets (KeywordAreas), which is stricter than the data-scope filter; and the filter's range on
// the same column would leave SQLite to pick either range as the index bound, often the wide one.
public class KeywordCount
{
    public long Id { get; set; }
    public long UnitCode { get; set; }
    public bool Monthly { get; set; }
    public DateOnly Date { get; set; }
    public int TermId { get; set; }
    public int Tickets { get; set; }
}

sealed class KeywordTermConfiguration : IEntityTypeConfiguration<KeywordTerm>
{
    public void Configure(EntityTypeBuilder<KeywordTerm> b)
    {
        b.ToTable("KeywordTerms");
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Text).HasMaxLength(KeywordExtractor.MaxWordLength);
        b.HasIndex(t => t.Text).IsUnique();
    }
}

sealed class TicketKeywordConfiguration : IEntityTypeConfiguration<TicketKeyword>
{
    public void Configure(EntityTypeBuilder<TicketKeyword> b)
    {
        b.ToTable("TicketKeywords");
        // A day of the whole city, cut into streets: summing a day up, and today's counts of a big area.
        b.HasIndex(k => new { k.Day, k.GridCode, k.TermId });
        // The tickets of a word over a period, and a few words' counts: the days before the area, whose
        // range would meet the data scope's own range on the same column (SQLite takes either bound).
        b.HasIndex(k => new { k.TermId, k.Day, k.GridCode, k.TicketId });
        // A community's or grid's words, its grid codes asked one by one (KeywordArea.Places); TicketId
        // for callers who see only some of its tickets.
        b.HasIndex(k => new { k.GridCode, k.Day, k.TermId, k.TicketId });
    }
}

sealed class KeywordCountConfiguration : IEntityTypeConfiguration<KeywordCount>
{
    public void Configure(EntityTypeBuilder<KeywordCount> b)
    {
        b.ToTable("KeywordCounts");
        // Every word of a unit over a period; Tickets in the index, so the sums never read the table.
        b.HasIndex(c => new { c.UnitCode, c.Monthly, c.Date, c.TermId, c.Tickets });
        // A few words over a period (the trend, the previous period, the reference months). Word first: with
        // the unit first SQLite would read a unit's every word in word order rather than sort a period's.
        b.HasIndex(c => new { c.TermId, c.UnitCode, c.Monthly, c.Date, c.Tickets });
    }
}
