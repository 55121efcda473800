using GridGov.Features.Shell;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Cli;

// One executable: with a command (import-city, verify-audit) it runs that and exits; otherwise it
// prepares the data folder (migrations, demo city, accounts) and serves the application.
var command = args.Length > 0 && Commands.Names.Contains(args[0]) ? args[0] : null;
var builder = WebApplication.CreateBuilder(command is null ? args : args[1..]);
builder.AddGridGov();
var app = builder.Build();

if (command is not null)
    return await Commands.RunAsync(app.Services, command, args[1..]);

await using (var scope = app.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<FirstStart>().RunAsync();
await app.Services.LoadTicketCachesAsync();

app.UseGridGov();
app.Run();
return 0;

public partial class Program;
