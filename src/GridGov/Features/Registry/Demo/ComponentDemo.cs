namespace GridGov.Features.Registry.Demo;

// The demo community's component rows (to be generated).
static class ComponentDemo
{
    public static Task FillAsync(CommunityFill fill, CancellationToken ct) => Task.CompletedTask;
}
