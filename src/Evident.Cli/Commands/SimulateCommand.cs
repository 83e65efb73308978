using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Evident.Cli.Infrastructure;
using Evident.Design;
using Evident.Design.Simulation;
using Evident.Protocol;
using Evident.Protocol.Simulation;
using Spectre.Console;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident simulate</c>: Monte-Carlo group-sequential survival trials, from flags (rpact <c>getSimulationSurvival</c>)
/// or a YAML scenario; <c>--shard i/N</c> runs one part and <c>evident simulate merge</c> adds parts exactly.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Creates the command with its <c>merge</c> subcommand.</summary>
    public static Command Create()
    {
        var design = new DesignOptions();
        var flags = new ScenarioFlags();
        var scenarioFile = new Argument<string?>("SCENARIO") { Description = "YAML scenario (see docs/simulation.md); instead of the flags below.", Arity = ArgumentArity.ZeroOrOne };
        var reps = new Option<long>("--reps") { Description = "Number of simulated trials.", DefaultValueFactory = _ => 10000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed; results do not depend on threads or sharding.", DefaultValueFactory = _ => 1 };
        var shard = new Option<string?>("--shard") { Description = "Run part i of N (1 ≤ i ≤ N), e.g. 3/10; combine with 'evident simulate merge'." };
        var test = new Option<string?>("--test") { Description = "Test at each look: logrank (default), fh(rho,gamma), maxcombo(rho,gamma;rho,gamma;...) or rmst(tau); overrides --protocol and the scenario's 'test'." };
        var protocol = new Option<string?>("--protocol") { Description = "Trial protocol (YAML) whose analysis plan pre-specifies the test (analyses.primary.test); overrides the scenario's 'test'." };
        var threads = new Option<int>("--threads") { Description = "Maximum threads (default: all processors).", DefaultValueFactory = _ => -1 };
        var output = new OutputOptions();
        var command = new Command("simulate", "Monte-Carlo power, stopping probabilities, expected events, subjects and duration of a group-sequential survival trial.");
        design.AddTo(command);
        command.Arguments.Add(scenarioFile);
        flags.AddTo(command);
        foreach (Option o in new Option[] { test, protocol, reps, seed, shard, threads }) command.Options.Add(o);
        output.AddTo(command);
        command.Subcommands.Add(CreateMerge());
        CommandRunner.SetReportAction(command, output, parse => DesignOptions.Call<IReport>(() =>
        {
            SimulationScenario scenario;
            if (parse.GetValue(scenarioFile) is { } path)
            {
                if (!File.Exists(path)) throw new UsageException($"file '{path}' does not exist.");
                try { scenario = SimulationScenarioYaml.Load(path); }
                catch (ProtocolException e) { throw new UsageException(e.Message); }
            }
            else
            {
                scenario = flags.Scenario(parse, design);
            }
            if (parse.GetValue(test) is { } testText) scenario = scenario with { Test = SimulationTest.Parse(testText) };
            else if (parse.GetValue(protocol) is { } protocolPath) scenario = scenario with { Test = AnalyzeCommand.LoadProtocol(protocolPath).Analyses.Primary.Test };
            var (index, count) = ParseShard(parse.GetValue(shard));
            var run = new SimulationRun
            {
                Replicates = parse.GetValue(reps),
                Seed = parse.GetValue(seed),
                ShardIndex = index,
                ShardCount = count,
                MaxDegreeOfParallelism = parse.GetValue(threads) is int t && t > 0 ? t : -1,
            };
            if (run.Replicates < 1) throw new UsageException($"--reps {run.Replicates}: at least one replicate is needed.");
            return new SimulationReport(RunWithProgress(scenario, run));
        }, parse.GetValue(scenarioFile) is null ? FlagInputs : ScenarioInputs));
        return command;
    }

    /// <summary>Library inputs set by the flag form, and the flags.</summary>
    private static readonly (string, string)[] FlagInputs =
    [
        ("HazardRatio", "--hazard-ratio"), ("ControlHazard", "--control-hazard"), ("duration", "--accrual"), ("Subjects", "--subjects"),
        (SurvivalSimulation.ScheduleInput, "--events"), ("DropoutRate", "--dropout"), ("DropoutTime", "--dropout-time"),
        ("Replicates", "--reps"), ("ShardIndex", "--shard"), ("ShardCount", "--shard"), (SimulationTest.Input, "--test"),
    ];

    /// <summary>
    /// Library inputs set by the run options of the scenario form; the scenario reader reports the file's own inputs at
    /// their line and key.
    /// </summary>
    private static readonly (string, string)[] ScenarioInputs =
    [
        ("Replicates", "--reps"), ("ShardIndex", "--shard"), ("ShardCount", "--shard"), (SimulationTest.Input, "--test"),
    ];

    private static Command CreateMerge()
    {
        var files = new Argument<string[]>("FILES") { Description = "JSON outputs of 'evident simulate --shard i/N --format json'.", Arity = ArgumentArity.OneOrMore };
        var output = new OutputOptions();
        var merge = new Command("merge", "Combine shard outputs into exactly the single-run result.");
        merge.Arguments.Add(files);
        output.AddTo(merge);
        CommandRunner.SetReportAction(merge, output, parse =>
        {
            var shards = new List<SimulationResult>();
            foreach (string path in parse.GetValue(files) ?? [])
            {
                if (!File.Exists(path)) throw new UsageException($"file '{path}' does not exist.");
                try
                {
                    using var doc = JsonDocument.Parse(File.ReadAllText(path));
                    shards.Add(SimulationJson.Read(doc.RootElement));
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or DesignInputException)
                {
                    throw new UsageException($"'{path}' is not a shard output of 'evident simulate --format json': {e.Message}");
                }
            }
            var merged = SimulationResult.Merge(shards);
            if (!merged.IsComplete)
                throw new UsageException($"The shards cover replicates {merged.Tally.FirstReplicate}–{merged.Tally.FirstReplicate + merged.Tally.Replicates - 1} of {merged.TotalReplicates}: some are missing.");
            return new SimulationReport(merged);
        });
        return merge;
    }

    private static (int Index, int Count) ParseShard(string? text)
    {
        if (text is null) return (0, 1);
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && i >= 1 && i <= n)
            return (i - 1, n);
        throw new UsageException($"--shard '{text}': expected i/N with 1 ≤ i ≤ N, e.g. 3/10.");
    }

    /// <summary>Runs the simulation; shows a progress bar on stderr for long runs when stderr is a terminal.</summary>
    private static SimulationResult RunWithProgress(SimulationScenario scenario, SimulationRun run)
    {
        long mine = run.EndReplicate - run.FirstReplicate;
        bool longRun = (double)mine * scenario.Subjects > 2e8;
        if (!longRun || Console.IsErrorRedirected) return SurvivalSimulation.Run(scenario, run);

        long done = 0;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        SimulationResult? result = null;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("simulating", maxValue: mine);
            var work = Task.Run(() => result = SurvivalSimulation.Run(scenario, run with { Progress = new Progress(v => Interlocked.Exchange(ref done, v)) }));
            while (!work.Wait(100)) task.Value = Interlocked.Read(ref done);
            task.Value = mine;
            work.GetAwaiter().GetResult();
        });
        return result!;
    }

    /// <summary>Synchronous progress sink (no SynchronizationContext hop).</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>The flags that describe a scenario without a YAML file (rpact <c>getSimulationSurvival</c>'s arguments).</summary>
    private sealed class ScenarioFlags
    {
        private readonly Option<double?> _beta = new("--beta") { Description = "Type II error for beta-spending futility bounds (needs --beta-spending)." };
        private readonly Option<double?> _hazardRatio = new("--hazard-ratio") { Description = "Hazard ratio experimental/control." };
        private readonly Option<double?> _controlMedian = new("--control-median") { Description = "Median survival in the control arm (exponential)." };
        private readonly Option<double?> _controlHazard = new("--control-hazard") { Description = "Constant control hazard (instead of --control-median)." };
        private readonly Option<double?> _accrual = new("--accrual") { Description = "Uniform accrual period A." };
        private readonly Option<int?> _subjects = new("--subjects") { Description = "Number of subjects N." };
        private readonly Option<string?> _events = new("--events") { Description = "Cumulative events triggering each look, e.g. 41,83,124,165." };
        private readonly Option<double> _dropout = new("--dropout") { Description = "Probability of dropout by --dropout-time (exponential, both arms).", DefaultValueFactory = _ => 0 };
        private readonly Option<double> _dropoutTime = new("--dropout-time") { Description = "Time at which --dropout is reached.", DefaultValueFactory = _ => 12 };

        public void AddTo(Command command)
        {
            foreach (Option o in new Option[] { _beta, _hazardRatio, _controlMedian, _controlHazard, _accrual, _subjects, _events, _dropout, _dropoutTime })
                command.Options.Add(o);
        }

        /// <summary>The exponential scenario the flags describe, with the design options.</summary>
        public SimulationScenario Scenario(ParseResult parse, DesignOptions design)
        {
            double? b = parse.GetValue(_beta);
            var options = design.Read(parse, b ?? 0.2);
            if (options.BetaSpending is not null && b is null) throw new UsageException("--beta-spending needs --beta (the type II error, e.g. 0.2).");
            double? median = parse.GetValue(_controlMedian), hazard = parse.GetValue(_controlHazard);
            if (median is null == hazard is null) throw new UsageException("give exactly one of --control-median and --control-hazard.");
            if (median is double m && !(m > 0)) throw new UsageException($"--control-median {m}: must be positive.");
            double[] e = NumberList.Parse(parse.GetValue(_events), "--events");
            if (e.Length == 0) throw new UsageException("--events is required: the cumulative events of each look, e.g. 41,83,124,165.");
            var counts = new int[e.Length];
            for (int k = 0; k < e.Length; k++)
            {
                if (e[k] != Math.Floor(e[k]) || e[k] < 1 || e[k] > int.MaxValue) throw new UsageException($"--events: '{e[k]}' is not a positive whole number.");
                counts[k] = (int)e[k];
            }
            if (counts.Length != options.Looks) throw new UsageException($"--events has {counts.Length} values but --looks is {options.Looks}.");
            return SimulationScenario.Exponential(options,
                parse.GetValue(_hazardRatio) ?? throw new UsageException("--hazard-ratio is required."),
                hazard ?? Math.Log(2) / median!.Value,
                parse.GetValue(_accrual) ?? throw new UsageException("--accrual is required."),
                parse.GetValue(_subjects) ?? throw new UsageException("--subjects is required."),
                counts, parse.GetValue(_dropout), parse.GetValue(_dropoutTime));
        }
    }
}
