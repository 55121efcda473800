using GridGov.Infrastructure.Web;
using GridGov.Infrastructure.Files;
using GridGov.Components.Layout;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Features.Tickets.Duplicates;
using GridGov.Features.Tickets.Intake;

namespace GridGov.Features.Tickets;

static class TicketsSetup
{
    public static void AddTickets(this IServiceCollection services)
    {
        services.AddHeaderPart<TicketNumberSearch>();
        services.AddHeaderPart<Pages.NoticeBell>();
        services.AddSingleton<CategoryCatalog>();
        services.AddSingleton<TicketClock>();
        services.AddScoped<Demo.DemoTickets>();
        services.AddScopedHub<TicketHub, TicketChange, TicketFeed>();
        services.AddSingleton<DepartmentModel>();
        services.AddSingleton<Infrastructure.Files.FileStore>();
        services.AddSingleton<IntakeWriter>();
        services.AddSingleton<TicketWords>();
        // Services the use cases share.
        services.AddScoped<TicketQueries>();
        services.AddScoped<TicketActionChecks>();
        services.AddScoped<TicketFollowUps>();
        services.AddScoped<DispatchRules>();
        services.AddScoped<DuplicateLinks>();
        services.AddScoped<SimilarTickets>();
        services.AddScoped<DepartmentSuggester>();
        // The use cases, for the API and the pages alike.
        services.AddScoped<CreateTicket>();
        services.AddScoped<UploadPhoto>();
        services.AddScoped<ExecuteTicketAction>();
        services.AddScoped<GetTicket>();
        services.AddScoped<GetTicketPhoto>();
        services.AddScoped<ListTickets>();
        services.AddScoped<CountTickets>();
        services.AddScoped<ExportTickets>();
        services.AddScoped<FindTicket>();
        services.AddScoped<Printing.PrintTicketSheet>();
        services.AddScoped<FindDuplicateCandidates>();
        services.AddScoped<FindSimilarToDraft>();
        services.AddScoped<SuggestDepartment>();
        services.AddScoped<ListCategories>();
        services.AddScoped<ChangeCategory>();
        services.AddScoped<ListDispatchRules>();
        services.AddScoped<AddDispatchRule>();
        services.AddScoped<ChangeDispatchRule>();
        services.AddScoped<DeleteDispatchRule>();
        services.AddScoped<GetCalendar>();
        services.AddScoped<SaveCalendar>();
        services.AddScoped<ListNotices>();
        services.AddScoped<MarkNoticeRead>();
        services.AddScoped<SeedTicketData>();
        services.AddSingleton<OverdueWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueWatcher>());
    }

    // `api` is the /api/v1 group; the hub lives beside it.
    public static void MapTickets(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        api.MapTicketEndpoints();
        app.MapHub<TicketHub>(TicketHub.Path);
    }

    // The dictionaries every request reads from memory: loaded once the database is ready.
    public static async Task LoadTicketCachesAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<CategoryCatalog>().LoadAsync(ct);
        await services.GetRequiredService<TicketClock>().LoadAsync(ct);
        // The word dictionary takes about a second to load: in the background, not on the first report.
        _ = Task.Run(Infrastructure.Text.ChineseText.Warm, ct);
    }
}
