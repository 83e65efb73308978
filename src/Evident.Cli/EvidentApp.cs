using System.CommandLine;
using Evident.Cli.Commands;
using Evident.Cli.Infrastructure;

namespace Evident.Cli;

/// <summary>The <c>evident</c> command line: a table of contents of the commands.</summary>
public static class EvidentApp
{
    private const string Description = "Evident: survival analysis, design and monitoring of randomized clinical trials.";

    /// <summary>Every subcommand, by the name it is invoked with, in the order <c>evident --help</c> lists them.</summary>
    private static readonly CommandEntry[] Commands =
    [
        new("km", KaplanMeierCommand.Create),
        new("logrank", LogRankCommand.Create),
        new("cox", CoxCommand.Create),
        new("zph", ZphCommand.Create),
        new("survreg", SurvregCommand.Create),
        new("tmerge", TmergeCommand.Create),
        new("rmst", RmstCommand.Create),
        new("boundaries", BoundariesCommand.Create),
        new("samplesize", SampleSizeCommand.Create),
        new("monitor", MonitorCommand.Create),
        new("forecast", ForecastCommand.Create),
        new("simulate", SimulateCommand.Create),
        new("ahr", AverageHazardRatioCommand.Create),
        new("milestone", MilestoneCommand.Create),
        new("safety", SafetyCommand.Create),
        new("cuminc", CumincCommand.Create),
        new("finegray", FineGrayCommand.Create),
        new("demo", DemoCommand.Create),
        new("analyze", AnalyzeCommand.Create),
        new("synthesize", SynthesizeCommand.Create),
        new("serve", ServeCommand.Create),
        new("trial", TrialCommands.Create),
        new("site", SiteCommands.Create),
        new("user", UserCommands.Create),
        new("operator", OperatorCommands.Create),
        new("audit", AuditCommands.Create),
        new("backup", BackupCommand.Create),
        new("export", ExportCommand.Create),
    ];

    /// <summary>Builds the root command with every subcommand registered.</summary>
    public static RootCommand BuildRootCommand() => BuildRootCommand(null);

    /// <summary>The names of the registered subcommands (the reference-case tests run the cases of these).</summary>
    public static IReadOnlyList<string> CommandNames => Array.ConvertAll(Commands, c => c.Name);

    /// <summary>Creates the subcommand registered under <paramref name="name"/> (tests check each is named as registered).</summary>
    public static Command CreateCommand(string name) => Array.Find(Commands, c => c.Name == name)?.Create()
        ?? throw new ArgumentException($"No command '{name}'.", nameof(name));

    /// <summary>Runs the command line, writing results to <paramref name="stdout"/> and messages to <paramref name="stderr"/>.</summary>
    /// <returns>0 on success, 1 when an analysis could not be computed, 2 for bad input or usage.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? invoked = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        if (invoked is not null && !Array.Exists(Commands, c => c.Name == invoked))
        {
            stderr.WriteLine($"evident: unknown command '{invoked}'. The commands are: {string.Join(", ", CommandNames)}.");
            stderr.WriteLine("Run 'evident --help' for usage.");
            return ExitCodes.Usage;
        }
        var root = PhaseTimer.Time("build command line", () => BuildRootCommand(invoked));
        var parse = PhaseTimer.Time("parse command line", () => root.Parse(args));
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"evident: {error.Message}");
            string command = parse.CommandResult.Command == root ? "evident" : $"evident {parse.CommandResult.Command.Name}";
            stderr.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.Usage;
        }
        return parse.Invoke(config);
    }

    /// <summary>
    /// The root command with every subcommand, or with only <paramref name="invoked"/> when a command is named: a command
    /// then parses and runs exactly as in the whole tree, without the start-up cost of building every other command's
    /// options (docs/performance.md, "Start-up of the published tool").
    /// </summary>
    private static RootCommand BuildRootCommand(string? invoked)
    {
        var root = new RootCommand(Description);
        foreach (var entry in Commands)
        {
            if (invoked is null || entry.Name == invoked) root.Subcommands.Add(entry.Create());
        }
        return root;
    }

    private sealed record CommandEntry(string Name, Func<Command> Create);
}
