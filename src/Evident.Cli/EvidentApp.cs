using System.CommandLine;
using Evident.Cli.Commands;
using Evident.Cli.Infrastructure;

namespace Evident.Cli;

/// <summary>The <c>evident</c> command line: a table of contents of the commands.</summary>
public static class EvidentApp
{
    /// <summary>Builds the root command with every subcommand registered.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Evident: survival analysis, design and monitoring of randomized clinical trials.");
        root.Subcommands.Add(KaplanMeierCommand.Create());
        root.Subcommands.Add(LogRankCommand.Create());
        root.Subcommands.Add(CoxCommand.Create());
        root.Subcommands.Add(ZphCommand.Create());
        root.Subcommands.Add(SurvregCommand.Create());
        root.Subcommands.Add(TmergeCommand.Create());
        root.Subcommands.Add(RmstCommand.Create());
        root.Subcommands.Add(BoundariesCommand.Create());
        root.Subcommands.Add(SampleSizeCommand.Create());
        root.Subcommands.Add(MonitorCommand.Create());
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(AverageHazardRatioCommand.Create());
        root.Subcommands.Add(MilestoneCommand.Create());
        root.Subcommands.Add(SafetyCommand.Create());
        root.Subcommands.Add(CumincCommand.Create());
        root.Subcommands.Add(FineGrayCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(SynthesizeCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(TrialCommands.Create());
        root.Subcommands.Add(SiteCommands.Create());
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(OperatorCommands.Create());
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        return root;
    }

    /// <summary>The names of the registered subcommands (the reference-case tests run the cases of these).</summary>
    public static IReadOnlyList<string> CommandNames => BuildRootCommand().Subcommands.Select(c => c.Name).ToArray();

    /// <summary>Runs the command line, writing results to <paramref name="stdout"/> and messages to <paramref name="stderr"/>.</summary>
    /// <returns>0 on success, 1 when an analysis could not be computed, 2 for bad input or usage.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = PhaseTimer.Time("build command line", BuildRootCommand);
        if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            stderr.WriteLine($"evident: unknown command '{args[0]}'. The commands are: {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
            stderr.WriteLine("Run 'evident --help' for usage.");
            return ExitCodes.Usage;
        }
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
}
