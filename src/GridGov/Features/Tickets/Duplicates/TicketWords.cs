using System.Collections.Concurrent;
using GridGov.Infrastructure.Text;

namespace GridGov.Features.Tickets.Duplicates;

// The words of a description and the problem concepts it names (ProblemTerms).
public sealed record DescriptionWords(string[] Tokens, int[] Concepts)
{
    public static DescriptionWords Of(string description) => new(ChineseText.Tokens(description), ProblemTerms.Of(description));
}

// The words of ticket descriptions, kept by ticket id: a description never changes after intake,
// and every report compares itself with the open tickets around it, so the same neighbours would
// otherwise be segmented again for each newcomer. Bounded: when full, it starts again empty.
public sealed class TicketWords
{
    const int Capacity = 200_000;
    readonly ConcurrentDictionary<long, DescriptionWords> words = new();

    public DescriptionWords Of(long ticketId, string description)
    {
        if (words.TryGetValue(ticketId, out var known)) return known;
        if (words.Count >= Capacity) words.Clear();
        return words[ticketId] = DescriptionWords.Of(description);
    }
}
