namespace GridGov.Features.Registry.Demo;

// The demo community's party rows (to be generated).
static class PartyDemo
{
    public static Task FillAsync(CommunityFill fill, CancellationToken ct) => Task.CompletedTask;
}
