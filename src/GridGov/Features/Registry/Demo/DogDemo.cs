namespace GridGov.Features.Registry.Demo;

// The demo community's dog rows (to be generated).
static class DogDemo
{
    public static Task FillAsync(CommunityFill fill, CancellationToken ct) => Task.CompletedTask;
}
