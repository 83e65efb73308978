using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using Evident.Cli.Infrastructure;
using Evident.Protocol;
using Evident.Randomization;
using Evident.Storage;
using Spectre.Console;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident trial create PROTOCOL --db … [--open-label | --blinded]</c>: registers a trial, open label or blinded as
/// the protocol's <c>allocation.blinding</c> says unless a flag overrides it, and seals its allocation list.
/// </summary>
public static class TrialCommands
{
    /// <summary>Creates the <c>trial</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var protocol = new Argument<string>("PROTOCOL") { Description = "The protocol file (YAML, see docs/protocol.md)." };
        var db = ServiceCli.DatabaseOption();
        var openLabel = new Option<bool>("--open-label") { Description = "Arms are visible to admins and coordinators, whatever the protocol's allocation.blinding says." };
        var blinded = new Option<bool>("--blinded") { Description = "Only the unblinded statistician sees arms, whatever the protocol's allocation.blinding says (default: the protocol's; blinded when it does not say)." };
        var listLength = new Option<int>("--list-length") { Description = "Slots per stratum of the sealed permuted-block list.", DefaultValueFactory = _ => 5000 };
        var output = new OutputOptions();
        var create = new Command("create", "Register a trial from its protocol and seal its allocation list (cryptographically random block sizes and orders).");
        create.Arguments.Add(protocol);
        create.Options.Add(db);
        create.Options.Add(openLabel);
        create.Options.Add(blinded);
        create.Options.Add(listLength);
        output.AddTo(create);
        ServiceCli.SetAction(create, output, async (parse, store) =>
        {
            int length = parse.GetValue(listLength);
            if (length is < 1 or > 1_000_000) throw new UsageException($"--list-length {length}: expected 1 to 1000000.");
            if (parse.GetValue(openLabel) && parse.GetValue(blinded)) throw new UsageException("--open-label and --blinded contradict each other; give one of them, or neither to follow the protocol's allocation.blinding.");
            string path = parse.GetValue(protocol)!;
            var parsed = TrialProtocol.Load(path);
            bool isBlinded = parse.GetValue(openLabel) ? false : parse.GetValue(blinded) || parsed.Allocation.IsBlinded;
            var trial = await store.CreateTrialAsync(await File.ReadAllTextAsync(path), Path.GetFileName(path), isBlinded, length,
                CryptographicRandom.Instance, ServiceCli.Actor);
            return new TrialCreatedReport(trial, StratumKey.All(trial.Protocol));
        });
        var command = new Command("trial", "Set up trials in the randomization service's database.");
        command.Subcommands.Add(create);
        return command;
    }
}

/// <summary>Presents a newly created trial (never its allocation list).</summary>
public sealed class TrialCreatedReport(StoredTrial trial, IReadOnlyList<string> strata) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("trial", trial.Id);
        json.WriteBoolean("blinded", trial.Blinded);
        json.WriteString("method", trial.Protocol.Allocation.Method == AllocationMethod.PermutedBlocks ? "permuted-blocks" : "minimization");
        json.WriteString("protocol_hash", trial.Protocol.Hash);
        json.WriteStartArray("strata");
        foreach (string s in strata) json.WriteStringValue(s);
        json.WriteEndArray();
        json.WriteStartArray("sites");
        foreach (var s in trial.Protocol.Sites) json.WriteStringValue(s.Id);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Trial {Markup.Escape(trial.Id)} created ({(trial.Blinded ? "blinded" : "open label")}, " +
                           $"{(trial.Protocol.Allocation.Method == AllocationMethod.PermutedBlocks ? "permuted blocks" : "minimization")}); allocation list sealed.");
        console.MarkupLine($"Strata: {Markup.Escape(string.Join(", ", strata.Select(s => s.Length == 0 ? "(one)" : s)))}");
        console.MarkupLine($"Sites from the protocol: {trial.Protocol.Sites.Count}. Protocol SHA-256: {trial.Protocol.Hash}");
    }
}

/// <summary>What the service's set-up commands share: <c>--db</c>, the audit actor, and turning store errors into messages.</summary>
public static class ServiceCli
{
    /// <summary>The audit trail's actor for command-line set-up: <c>cli:USER</c>.</summary>
    public static string Actor => $"cli:{Environment.UserName}";

    /// <summary><c>--db PATH|CONNECTION</c>: a SQLite file (created on first use) or a PostgreSQL connection string (contains <c>Host=</c>).</summary>
    public static Option<string> DatabaseOption() => new("--db")
    {
        Description = "SQLite file (created on first use) or PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).",
        DefaultValueFactory = _ => "evident.db",
    };

    /// <summary><c>--token-days N</c>: how long a token issued from the command line works.</summary>
    public static Option<int> TokenDaysOption() => new("--token-days") { Description = "Days the token works (1 to 3650).", DefaultValueFactory = _ => 90 };

    /// <summary>A <c>--token-days</c> value as a lifetime, or <see cref="UsageException"/> outside 1–3650.</summary>
    public static TimeSpan TokenLifetime(int days) =>
        days is < 1 or > 3650 ? throw new UsageException($"--token-days {days}: expected 1 to 3650.") : TimeSpan.FromDays(days);

    /// <summary>Sets <paramref name="command"/>'s action: open the store named by <c>--db</c>, run <paramref name="body"/>, write its report.</summary>
    public static void SetAction(Command command, OutputOptions output, Func<ParseResult, TrialStore, Task<IReport>> body)
    {
        command.SetAction(parse => Run(parse, async store =>
        {
            var report = await body(parse, store);
            ReportWriter.Write(report, parse.GetValue(output.Format), parse.GetValue(output.Output), parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        }));
    }

    /// <summary>Opens the store and runs <paramref name="body"/>; bad input exits 2, a database failure 1, each with one clear line.</summary>
    public static int Run(ParseResult parse, Func<TrialStore, Task<int>> body)
    {
        var stderr = parse.InvocationConfiguration.Error;
        string db = parse.GetValue<string>("--db") ?? "evident.db";
        try
        {
            return Task.Run(async () =>
            {
                await using var store = await TrialStore.OpenAsync(db, TimeProvider.System);
                return await body(store);
            }).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ProtocolException or StoreConflictException or StoreNotFoundException or UsageException or ArgumentException
                                      or FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"evident: error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException)
        {
            stderr.WriteLine($"evident: database error: {e.Message}");
            return ExitCodes.AnalysisFailed;
        }
    }
}
