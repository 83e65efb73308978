using System.CommandLine;
using System.Text.Json;
using Evident.Cli.Infrastructure;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Spectre.Console;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident operator add NAME --db …</c> adds a service operator (who creates trials through <c>POST /trials</c>) and
/// prints a one-time token; <c>evident operator token</c> issues another; <c>evident operator revoke</c> revokes them
/// all. Operators are managed only from the database's side, never through the API.
/// </summary>
public static class OperatorCommands
{
    /// <summary>Creates the <c>operator</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("operator", "Manage the service's operators (who create trials) and their API tokens.");
        command.Subcommands.Add(Issue("add", "Add an operator and print their API token (shown once; stored hashed).",
            (store, name, lifetime) => store.AddOperatorAsync(name, lifetime, ServiceCli.Actor)));
        command.Subcommands.Add(Issue("token", "Issue another API token to an operator (shown once).",
            (store, name, lifetime) => store.IssueOperatorTokenAsync(name, lifetime, ServiceCli.Actor)));
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Issue(string verb, string description, Func<TrialStore, string, TimeSpan, Task<IssuedOperatorToken>> issue)
    {
        var name = new Argument<string>("NAME") { Description = "The operator's name." };
        var days = ServiceCli.TokenDaysOption();
        var db = ServiceCli.DatabaseOption();
        var output = new OutputOptions();
        var command = new Command(verb, description);
        command.Arguments.Add(name);
        command.Options.Add(days);
        command.Options.Add(db);
        output.AddTo(command);
        ServiceCli.SetAction(command, output, async (parse, store) =>
            new OperatorTokenReport(await issue(store, parse.GetValue(name)!, ServiceCli.TokenLifetime(parse.GetValue(days)))));
        return command;
    }

    private static Command Revoke()
    {
        var name = new Argument<string>("NAME") { Description = "The operator's name." };
        var reason = new Option<string>("--reason") { Description = "Why.", Required = true };
        var db = ServiceCli.DatabaseOption();
        var revoke = new Command("revoke", "Revoke every API token of an operator.");
        revoke.Arguments.Add(name);
        revoke.Options.Add(reason);
        revoke.Options.Add(db);
        revoke.SetAction(parse => ServiceCli.Run(parse, async store =>
        {
            int n = await store.RevokeOperatorTokensAsync(parse.GetValue(name)!, parse.GetValue(reason), ServiceCli.Actor);
            parse.InvocationConfiguration.Output.WriteLine($"Revoked {n} token(s) of operator {parse.GetValue(name)}.");
            return ExitCodes.Success;
        }));
        return revoke;
    }
}

/// <summary>Presents a newly issued operator token: the only time it is shown.</summary>
public sealed class OperatorTokenReport(IssuedOperatorToken token) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("operator", token.Name);
        json.WriteString("token", token.Token);
        json.WriteString("expires", token.ExpiresAt.UtcDateTime.ToString("O"));
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Operator {Markup.Escape(token.Name)}; token valid until {token.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z.");
        console.MarkupLine("API token (shown once; only its hash is stored):");
        console.WriteLine(token.Token);
    }
}
