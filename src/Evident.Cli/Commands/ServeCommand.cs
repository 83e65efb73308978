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
        var tokenDays = new Option<int?>("--token-days") { Description = "Days a token issued through the API works unless the request says (default 90)." };
        var signInRate = new Option<int?>("--sign-in-per-minute") { Description = "Page sign-in attempts per minute per client address (default 20; 0 = no limit)." };
        var apiRate = new Option<int?>("--api-per-second") { Description = "API requests per second per token, or per address without one (default 200; 0 = no limit)." };
        foreach (var o in new Option[] { db, urls, tokenDays, signInRate, apiRate }) command.Options.Add(o);
        command.SetAction(parse => CommandRunner.Guard(parse.InvocationConfiguration.Error, () =>
        {
            string[] args =
            [
                $"--{EvidentServer.DatabaseKey}={parse.GetValue(db)}", $"--urls={parse.GetValue(urls)}",
                .. Setting(EvidentServer.TokenDaysKey, parse.GetValue(tokenDays)),
                .. Setting(EvidentServer.SignInPerMinuteKey, parse.GetValue(signInRate)),
                .. Setting(EvidentServer.ApiPerSecondKey, parse.GetValue(apiRate)),
            ];
            var app = EvidentServer.BuildAsync(args).GetAwaiter().GetResult();
            parse.InvocationConfiguration.Output.WriteLine($"evident serve: listening on {parse.GetValue(urls)}");
            parse.InvocationConfiguration.Output.Flush();
            app.Run();
        }));
        return command;
    }

    private static string[] Setting(string key, int? value) =>
        value is { } v ? [$"--{key}={v.ToString(System.Globalization.CultureInfo.InvariantCulture)}"] : [];
}
