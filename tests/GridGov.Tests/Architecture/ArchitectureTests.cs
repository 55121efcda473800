using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Architecture;

// The structure of DESIGN.md §3 holds without anyone remembering it: plumbing and shared UI name no
// area, areas use only what they may, and every place-bound entity gets the data-scope filter.
public sealed class ArchitectureTests
{
    [Fact]
    public void No_part_names_a_part_it_may_not_use()
    {
        var files = SourceParts.Files(SourceParts.SourceRoot()).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found");
        var violations = DependencyRules.Violations(files);
        Assert.True(violations.Count == 0, "Forbidden by DESIGN.md §3:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Nothing_under_infrastructure_or_components_refers_to_an_area()
    {
        var offending = SourceParts.Files(SourceParts.SourceRoot())
            .Where(f => f.Path.StartsWith("Infrastructure/", StringComparison.Ordinal) || f.Path.StartsWith("Components/", StringComparison.Ordinal))
            .Where(f => f.Text.Contains("GridGov.Features", StringComparison.Ordinal) || f.Text.Contains("Features.", StringComparison.Ordinal))
            .Select(f => f.Path).ToList();
        Assert.Empty(offending);
    }

    // Pages run use cases through the one injected helper (UseCases): no service locator, no
    // context of their own, no write through a context, no route class called as a library.
    [Fact]
    public void Pages_reach_use_cases_through_one_helper_only()
    {
        string[] forbidden = ["GetRequiredService", "GridDbFactory", "SaveChanges", "IgnoreQueryFilters", "Endpoints.", "@inject GridDbContext", "RunAsync<GridDbContext"];
        var offending = SourceParts.Files(SourceParts.SourceRoot())
            .Where(f => f.Path.EndsWith(".razor", StringComparison.Ordinal))
            .SelectMany(f => forbidden.Where(w => f.Text.Contains(w, StringComparison.Ordinal)).Select(w => $"{f.Path}: {w}"))
            .ToList();
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    // The checker itself must see the edges it is meant to forbid.
    [Theory]
    [InlineData("Infrastructure/Database/X.cs", "using GridGov.Features.Tickets;", "Tickets")]
    [InlineData("Components/Layout/X.razor", "<GridGov.Features.Tickets.Pages.NoticeBell />", "Tickets")]
    [InlineData("_Imports.razor", "@using GridGov.Features.Organization", "Organization")]
    [InlineData("Features/Organization/X.cs", "var t = new Tickets.Ticket();", "Tickets")]
    [InlineData("Features/Identity/X.cs", "using GridGov.Features.Tickets.Flow;", "Tickets")]
    [InlineData("Features/Tickets/X.cs", "using GridGov.Features.Registry;", "Registry")]
    [InlineData("Features/Tickets/X.cs", "using GridGov.Features.Panorama;", "Panorama")]
    [InlineData("Features/Registry/X.cs", "Features.Tickets.Ticket t;", "Tickets")]
    [InlineData("Features/Tickets/X.cs", "using GridGov.Host;", "Host")]
    public void The_checker_finds_a_forbidden_edge(string path, string text, string used)
    {
        Assert.Equal([$"{path} → {used}"], DependencyRules.Violations([(path, text)]));
    }

    [Theory]
    [InlineData("Features/Tickets/X.cs", "using GridGov.Features.Organization; var n = db.Tickets.Count; Identity?.Name")]
    [InlineData("Features/Terminal/X.cs", "using GridGov.Features.Tickets; using GridGov.Features.Registry;")]
    [InlineData("Host/X.cs", "using GridGov.Features.Tickets; using GridGov.Components;")]
    [InlineData("Features/Identity/X.cs", "using GridGov.Features.Organization; using GridGov.Infrastructure.Database;")]
    public void The_checker_allows_what_the_design_allows(string path, string text)
    {
        Assert.Empty(DependencyRules.Violations([(path, text)]));
    }

    [Fact]
    public async Task Every_entity_with_a_grid_code_has_the_data_scope_filter()
    {
        await using var app = new EmptyGridGovApp();
        await using var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);
        var placeBound = db.Model.GetEntityTypes().Where(e => e.FindProperty(nameof(IGridScoped.GridCode)) is not null).ToList();
        Assert.NotEmpty(placeBound);
        Assert.All(placeBound, e =>
        {
            Assert.True(typeof(IGridScoped).IsAssignableFrom(e.ClrType), $"{e.ClrType.Name} has a GridCode but is not IGridScoped");
            Assert.Contains(e.GetDeclaredQueryFilters(), f => f.Key == GridDbContext.DataScopeFilter);
        });
    }
}
