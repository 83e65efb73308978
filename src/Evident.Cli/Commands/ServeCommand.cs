using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Server;

namespace Evident.Cli.Commands;

/// <summary><c>evident serve</c>: runs the randomization service (see docs/api.md) until stopped.</summary>
public static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var db = ServiceCli.DatabaseOption();
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var command = new Command("serve", "Run the randomization service: allocation, roles, audit trail (SQLite file or PostgreSQL).");
        command.Options.Add(db);
        command.Options.Add(urls);
        command.SetAction(parse => CommandRunner.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var app = EvidentServer.BuildAsync([$"--{EvidentServer.DatabaseKey}={parse.GetValue(db)}", $"--urls={parse.GetValue(urls)}"]).GetAwaiter().GetResult();
            parse.InvocationConfiguration.Output.WriteLine($"evident serve: listening on {parse.GetValue(urls)}");
            parse.InvocationConfiguration.Output.Flush();
            app.Run();
        }));
        return command;
    }
}
