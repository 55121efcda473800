namespace GridGov.Features.Registry.Demo;

// The demo community's unit rows (to be generated).
static class UnitDemo
{
    public static Task FillAsync(CommunityFill fill, CancellationToken ct) => Task.CompletedTask;
}
