using GridGov.Host;
using GridGov.Infrastructure.Cli;

// One executable: with a command (import-city, verify-audit) it runs that and exits; otherwise it
// prepares the data folder (migrations, demo city, accounts) and serves the application.
var command = Commands.IsCommand(args) ? args[0] : null;
var builder = WebApplication.CreateBuilder(command is null ? args : args[1..]);
builder.AddGridGov();
var app = builder.Build();

if (command is not null)
    return await Commands.RunAsync(app.Services, command, args[1..]);

await app.PrepareAsync();
app.UseGridGov();
app.Run();
return 0;

public partial class Program;
