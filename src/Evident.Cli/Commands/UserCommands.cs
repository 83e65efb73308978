using System.CommandLine;
using System.Text.Json;
using Evident.Cli.Infrastructure;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Spectre.Console;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident user add TRIAL NAME --role ROLE [--site SITE] --db …</c> prints a one-time API token (stored hashed);
/// <c>evident user token</c> issues another; <c>evident user revoke</c> revokes them all; <c>evident user totp</c> enrols
/// a TOTP second factor for the web pages.
/// </summary>
public static class UserCommands
{
    /// <summary>Creates the <c>user</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("user", "Manage a trial's users and their API tokens.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Token());
        command.Subcommands.Add(Revoke());
        command.Subcommands.Add(SecondFactor());
        return command;
    }

    private static Command Add()
    {
        var (trial, name, db, output) = Common();
        var role = new Option<string>("--role") { Description = "admin, site-coordinator, blinded-statistician, unblinded-statistician (dsmb) or monitor.", Required = true };
        var site = new Option<string?>("--site") { Description = "The site of a site coordinator." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read a password for the web pages from standard input (hashed with ASP.NET Core Identity's hasher)." };
        var days = ServiceCli.TokenDaysOption();
        var add = new Command("add", "Add a user and print their API token (shown once; stored hashed).");
        add.Arguments.Add(trial);
        add.Arguments.Add(name);
        foreach (var o in new Option[] { role, site, passwordStdin, days, db }) add.Options.Add(o);
        output.AddTo(add);
        ServiceCli.SetAction(add, output, async (parse, store) =>
        {
            if (!TrialRoles.TryParse(parse.GetValue(role), out var r))
                throw new UsageException($"--role {parse.GetValue(role)}: expected one of {string.Join(", ", TrialRoles.All.Select(x => x.Name))}.");
            var lifetime = ServiceCli.TokenLifetime(parse.GetValue(days));
            string? hash = parse.GetValue(passwordStdin) ? Passwords.Hash((Console.In.ReadLine() ?? "").TrimEnd('\r', '\n')) : null;
            return new TokenReport(await store.AddUserAsync(parse.GetValue(trial)!, parse.GetValue(name)!, r, parse.GetValue(site), hash, lifetime, ServiceCli.Actor));
        });
        return add;
    }

    private static Command Token()
    {
        var (trial, name, db, output) = Common();
        var days = ServiceCli.TokenDaysOption();
        var token = new Command("token", "Issue another API token to a user (shown once).");
        token.Arguments.Add(trial);
        token.Arguments.Add(name);
        token.Options.Add(days);
        token.Options.Add(db);
        output.AddTo(token);
        ServiceCli.SetAction(token, output, async (parse, store) =>
        {
            return new TokenReport(await store.IssueTokenAsync(parse.GetValue(trial)!, parse.GetValue(name)!, ServiceCli.TokenLifetime(parse.GetValue(days)), ServiceCli.Actor));
        });
        return token;
    }

    private static Command Revoke()
    {
        var (trial, name, db, _) = Common();
        var reason = new Option<string>("--reason") { Description = "Why.", Required = true };
        var revoke = new Command("revoke", "Revoke every API token of a user.");
        revoke.Arguments.Add(trial);
        revoke.Arguments.Add(name);
        revoke.Options.Add(reason);
        revoke.Options.Add(db);
        revoke.SetAction(parse => ServiceCli.Run(parse, async store =>
        {
            int n = await store.RevokeTokensAsync(parse.GetValue(trial)!, parse.GetValue(name)!, parse.GetValue(reason), ServiceCli.Actor);
            parse.InvocationConfiguration.Output.WriteLine($"Revoked {n} token(s) of {parse.GetValue(name)}.");
            return ExitCodes.Success;
        }));
        return revoke;
    }

    private static Command SecondFactor()
    {
        var (trial, name, db, _) = Common();
        var totp = new Command("totp", "Enrol (or replace) a user's TOTP second factor for the web pages; prints the secret and its otpauth:// URI once.");
        totp.Arguments.Add(trial);
        totp.Arguments.Add(name);
        totp.Options.Add(db);
        totp.SetAction(parse => ServiceCli.Run(parse, async store =>
        {
            string trialId = parse.GetValue(trial)!, user = parse.GetValue(name)!, secret = Totp.NewSecret();
            await store.EnrolTotpAsync(trialId, user, secret, ServiceCli.Actor);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"Second factor enrolled for {user} of trial {trialId}: from now on the sign-in page asks for the code.");
            output.WriteLine("Secret (base32; shown once, enter it in an authenticator app or open the URI as a QR code):");
            output.WriteLine(secret);
            output.WriteLine(Totp.Uri($"Evident {trialId}", user, secret));
            return ExitCodes.Success;
        }));
        return totp;
    }

    private static (Argument<string>, Argument<string>, Option<string>, OutputOptions) Common() =>
        (new Argument<string>("TRIAL") { Description = "The trial id." }, new Argument<string>("NAME") { Description = "The user name." },
         ServiceCli.DatabaseOption(), new OutputOptions());
}

/// <summary>Presents a newly issued token: the only time it is shown.</summary>
public sealed class TokenReport(IssuedToken token) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("trial", token.TrialId);
        json.WriteString("user", token.UserName);
        json.WriteString("role", TrialRoles.Name(token.Role));
        json.WriteString("token", token.Token);
        json.WriteString("expires", token.ExpiresAt.UtcDateTime.ToString("O"));
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"User {Markup.Escape(token.UserName)} ({TrialRoles.Name(token.Role)}) of trial {Markup.Escape(token.TrialId)}; token valid until {token.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z.");
        console.MarkupLine("API token (shown once; only its hash is stored):");
        console.WriteLine(token.Token);
    }
}
