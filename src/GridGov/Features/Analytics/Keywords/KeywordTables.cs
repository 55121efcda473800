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
// day). Kept for cities and streets only (GridCode their padded code): a district adds up its streets,
// a community or grid is read from TicketKeyword. A street row of code D·10⁹ holds the tickets placed
// on district D itself; tickets placed on a city itself are in its city row only.
public class KeywordCount : IGridScoped
{
    public long Id { get; set; }
    public long GridCode { get; set; }
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
        // The tickets of a word in an area, and a few words' counts over a period.
        b.HasIndex(k => new { k.TermId, k.GridCode, k.Day, k.TicketId });
        // A community's or grid's words; TicketId for callers who see only some of its tickets.
        b.HasIndex(k => new { k.GridCode, k.Day, k.TermId, k.TicketId });
    }
}

sealed class KeywordCountConfiguration : IEntityTypeConfiguration<KeywordCount>
{
    public void Configure(EntityTypeBuilder<KeywordCount> b)
    {
        b.ToTable("KeywordCounts");
        // Every word of a unit over a period; Tickets in the index, so the sums never read the table.
        b.HasIndex(c => new { c.GridCode, c.Monthly, c.Date, c.TermId, c.Tickets });
        // A few words of a unit over a period (the trend, the previous period, the reference months).
        b.HasIndex(c => new { c.GridCode, c.Monthly, c.TermId, c.Date, c.Tickets });
    }
}
