namespace GridGov.Features.Registry.Demo;

// The demo community's focus rows (to be generated).
static class FocusDemo
{
    public static Task FillAsync(CommunityFill fill, CancellationToken ct) => Task.CompletedTask;
}
