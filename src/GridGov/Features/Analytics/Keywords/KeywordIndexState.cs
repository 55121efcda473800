using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Features.Analytics.Keywords;

// Where the keyword index stands (one row, Id 1). Tickets up to LastTicketId are in TicketKeyword; days
// before RolledUpTo are summed up in KeywordCount, except DirtyDays (tickets of those days came in after
// they were summed: they are read from TicketKeyword until summed again). DirtyMonths wait for their month
// rows. Revision is claimed by every write of the indexer, so two nodes never write the same batch twice.
public class KeywordIndexState
{
    public const int SingleId = 1;

    public int Id { get; set; }
    // KeywordLexicon.Version the index was made with; another one makes it again from the start.
    public required string Version { get; set; }
    public long LastTicketId { get; set; }
    public DateOnly RolledUpTo { get; set; }
    public string DirtyDays { get; set; } = "";
    public string DirtyMonths { get; set; } = "";
    public long Revision { get; set; }
    public DateTime UpdatedAt { get; set; }
}

sealed class KeywordIndexStateConfiguration : IEntityTypeConfiguration<KeywordIndexState>
{
    public void Configure(EntityTypeBuilder<KeywordIndexState> b)
    {
        b.ToTable("KeywordIndexState");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Version).HasMaxLength(32);
    }
}
