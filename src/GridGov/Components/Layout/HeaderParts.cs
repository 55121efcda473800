namespace GridGov.Components.Layout;

// A component an area puts into the page header (the notice bell of tickets …): the layout shows
// what the areas registered and names none of them.
public sealed record HeaderPart(Type Component);

public static class HeaderParts
{
    public static IServiceCollection AddHeaderPart<TComponent>(this IServiceCollection services)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        services.AddSingleton(new HeaderPart(typeof(TComponent)));
}
