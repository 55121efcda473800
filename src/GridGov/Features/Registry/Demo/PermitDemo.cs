namespace GridGov.Features.Registry.Demo;

// The demo community's permit rows (to be generated).
static class PermitDemo
{
    public static Task FillAsync(CommunityFill fill, CancellationToken ct) => Task.CompletedTask;
}
