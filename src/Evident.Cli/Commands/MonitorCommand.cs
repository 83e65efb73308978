using System.CommandLine;
using Evident.Analysis.Models;
using Evident.Cli.Infrastructure;
using Evident.Data;
using Evident.Design;
using Evident.Design.Monitoring;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident monitor</c>: boundaries at the observed information, decisions, repeated confidence intervals and
/// conditional power at the looks so far (rpact: <c>getAnalysisResults</c>). Either <c>--events</c> and <c>--z</c>, or one
/// data snapshot per look (FILES…) with <c>--formula "Surv(t, s) ~ arm + strata(x)"</c>.
/// </summary>
public static class MonitorCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var design = new DesignOptions();
        var beta = new Option<double?>("--beta") { Description = "Type II error for beta-spending futility bounds (needs --beta-spending)." };
        var events = new Option<string?>("--events") { Description = "Cumulative events at each look so far, e.g. 41,83." };
        var z = new Option<string?>("--z") { Description = "Stratified log-rank Z at each look so far; positive favours the experimental arm (HR < 1)." };
        var maxEvents = new Option<double>("--max-events") { Description = "Planned maximum number of events (information fraction = events / max events).", Required = true };
        var hazardRatio = new Option<double?>("--hazard-ratio") { Description = "Design hazard ratio (experimental/control) for conditional power under the design effect." };
        var files = new Argument<string[]>("FILES") { Description = "Data snapshots, one per look in order (.csv, .tsv, .parquet); instead of --events/--z.", Arity = ArgumentArity.ZeroOrMore };
        var formula = new Option<string?>("--formula", "-f") { Description = "With FILES: \"Surv(time, status) ~ arm + strata(x)\"; arm has two levels, the reference level is control." };
        var reference = new Option<string[]>("--reference") { Description = "Reference (control) level, as col=level.", DefaultValueFactory = _ => [] };
        var output = new OutputOptions();
        var command = new Command("monitor", "Interim analysis: boundaries at the observed information, decision, repeated CIs, conditional power.");
        design.AddTo(command);
        foreach (Option o in new Option[] { beta, events, z, maxEvents, hazardRatio, formula, reference }) command.Options.Add(o);
        command.Arguments.Add(files);
        output.AddTo(command);
        CommandRunner.SetReportAction(command, output, parse =>
        {
            double? b = parse.GetValue(beta);
            var options = design.Read(parse, b ?? 0.2);
            if (options.BetaSpending is not null && b is null) throw new UsageException("--beta-spending needs --beta (the type II error, e.g. 0.2).");
            if (options.BetaSpending is null && b is not null) throw new UsageException("--beta needs --beta-spending (e.g. obrien-fleming).");
            string[] paths = parse.GetValue(files) ?? [];
            double[] d, zs;
            if (paths.Length > 0)
            {
                if (parse.GetValue(events) is not null || parse.GetValue(z) is not null) throw new UsageException("give either data FILES or --events/--z, not both.");
                string f = parse.GetValue(formula) ?? throw new UsageException("data FILES need --formula, e.g. \"Surv(time, status) ~ arm + strata(risk)\".");
                (d, zs) = FromData(paths, f, parse.GetValue(reference) ?? []);
            }
            else
            {
                d = NumberList.Parse(parse.GetValue(events), "--events");
                zs = NumberList.Parse(parse.GetValue(z), "--z");
                if (d.Length == 0 || zs.Length == 0) throw new UsageException("give --events and --z for the looks so far (or data FILES with --formula).");
                if (d.Length != zs.Length) throw new UsageException($"--events has {d.Length} values but --z has {zs.Length}.");
            }
            var monitoring = new MonitoringOptions
            {
                Design = options,
                Events = d,
                Z = zs,
                MaxEvents = parse.GetValue(maxEvents),
                HazardRatio = parse.GetValue(hazardRatio),
            };
            return new MonitorReport(DesignOptions.Call(() => InterimMonitoring.Analyse(monitoring),
                ("Events", paths.Length > 0 ? "events in FILES" : "--events"), ("Z", paths.Length > 0 ? "Z from FILES" : "--z"),
                ("MaxEvents", "--max-events"), ("HazardRatio", "--hazard-ratio")));
        });
        return command;
    }

    private static (double[] Events, double[] Z) FromData(string[] paths, string formulaText, string[] references)
    {
        var formula = SurvivalFormula.Parse(formulaText);
        var refs = DataOptions.ParseReferences(references);
        foreach (string path in paths)
            if (!File.Exists(path)) throw new UsageException($"file '{path}' does not exist.");
        var looks = MonitoringLooks.FromFiles(paths, formula, refs);
        var events = looks.Select(l => l.Events).ToArray();
        var z = looks.Select(l => l.Z).ToArray();
        return (events, z);
    }
}
