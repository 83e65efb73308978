using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Design;

namespace Evident.Cli.Commands;

/// <summary><c>evident samplesize</c>: events, subjects and look times for a survival trial (rpact: <c>getSampleSizeSurvival</c>, Schoenfeld).</summary>
public static class SampleSizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var design = new DesignOptions();
        var inputs = new Inputs();
        var output = new OutputOptions();
        var command = new Command("samplesize", "Schoenfeld events, group-sequential maximum events, subjects, accrual and analysis times (rpact getSampleSizeSurvival).");
        design.AddTo(command);
        foreach (Option o in inputs.All) command.Options.Add(o);
        output.AddTo(command);
        CommandRunner.SetReportAction(command, output, parse =>
        {
            var options = inputs.Read(parse, design);
            return new SampleSizeReport(DesignOptions.Call(() => SurvivalSampleSize.Compute(options),
                ("HazardRatio", "--hazard-ratio"), ("ControlMedian", "--control-median"), ("ControlHazard", "--control-hazard"),
                ("ControlHazards", "--lambda2"), ("PiecewiseSurvivalTimes", "--piecewise-time"),
                ("AccrualTime", "--accrual"), ("AccrualTimes", "--accrual-time"), ("AccrualIntensities", "--accrual-intensity"),
                ("FollowUpTime", "--follow-up"), ("MaxSubjects", "--max-subjects"), ("DropoutRate", "--dropout"), ("DropoutTime", "--dropout-time"),
                ("AllocationRatio", "--allocation"), ("Strata", "--stratum-prevalence"), ("StratumPrevalence", "--stratum-prevalence"),
                ("StratumHazardRatio", "--stratum-hazard-ratio"), ("StratumControlMedian", "--stratum-control-median"),
                ("StratumControlHazard", "--stratum-control-median")));
        });
        return command;
    }

    /// <summary>The command's own options (the design's are <see cref="DesignOptions"/>).</summary>
    private sealed class Inputs
    {
        private readonly Option<double> power = new("--power") { Description = "Power 1 − β.", DefaultValueFactory = _ => 0.8 };
        private readonly Option<double?> hazardRatio = new("--hazard-ratio") { Description = "Hazard ratio under the alternative (treatment vs control); required unless the design is stratified." };
        private readonly Option<double?> controlMedian = new("--control-median") { Description = "Median survival in the control arm (time units of accrual and follow-up)." };
        private readonly Option<double?> controlHazard = new("--control-hazard") { Description = "Constant hazard in the control arm (instead of --control-median)." };
        private readonly Option<string?> lambda2 = new("--lambda2") { Description = "Control hazard in each piece of --piecewise-time, e.g. 0.04,0.02 (rpact lambda2); treatment = hazard ratio × control." };
        private readonly Option<string?> piecewiseTime = new("--piecewise-time") { Description = "Starts of the control hazard pieces, 0 first, e.g. 0,6 (rpact piecewiseSurvivalTime)." };
        private readonly Option<double?> accrual = new("--accrual") { Description = "Uniform accrual period (or --accrual-time with --accrual-intensity)." };
        private readonly Option<string?> accrualTime = new("--accrual-time") { Description = "Piecewise accrual: starts of the pieces, 0 first, and (for a fixed end) the end of accrual, e.g. 0,6,24 (rpact accrualTime)." };
        private readonly Option<string?> accrualIntensity = new("--accrual-intensity") { Description = "Subjects per time unit in each accrual piece, e.g. 10,25; all below 1: relative, scaled to the subjects needed (rpact accrualIntensity)." };
        private readonly Option<double?> followUp = new("--follow-up") { Description = "Follow-up after the end of accrual (computed when absolute intensities or --max-subjects fix the subjects)." };
        private readonly Option<double?> maxSubjects = new("--max-subjects") { Description = "Subjects to enrol (rpact maxNumberOfSubjects); the follow-up is then computed." };
        private readonly Option<double> dropout = new("--dropout") { Description = "Probability of dropout by --dropout-time (exponential).", DefaultValueFactory = _ => 0 };
        private readonly Option<double> dropoutTime = new("--dropout-time") { Description = "Time at which --dropout is reached.", DefaultValueFactory = _ => 12 };
        private readonly Option<string?> stratumName = new("--stratum-name") { Description = "Stratified design: the strata's labels, e.g. SR-average,SR-high (default: stratum 1, stratum 2, …)." };
        private readonly Option<string?> stratumPrevalence = new("--stratum-prevalence") { Description = "Stratified design: each stratum's share of subjects, e.g. 0.6,0.4 (normalised to sum 1)." };
        private readonly Option<string?> stratumHazardRatio = new("--stratum-hazard-ratio") { Description = "Stratified design: each stratum's hazard ratio, e.g. 0.7,0.5 (instead of --hazard-ratio)." };
        private readonly Option<string?> stratumControlMedian = new("--stratum-control-median") { Description = "Stratified design: each stratum's control median, e.g. 60,24 (exponential)." };
        private readonly Option<string?> stratumControlHazard = new("--stratum-control-hazard") { Description = "Stratified design: each stratum's constant control hazard (instead of --stratum-control-median)." };
        private readonly Option<string> allocation = new("--allocation") { Description = "Allocation ratio treatment:control, e.g. 1:1 or 2:1.", DefaultValueFactory = _ => "1:1" };

        public IEnumerable<Option> All =>
            [power, hazardRatio, controlMedian, controlHazard, lambda2, piecewiseTime, accrual, accrualTime, accrualIntensity, followUp, maxSubjects, dropout, dropoutTime, allocation,
             stratumName, stratumPrevalence, stratumHazardRatio, stratumControlMedian, stratumControlHazard];

        /// <summary>The strata of a stratified design from the --stratum-* lists, one value per stratum in each; null without them.</summary>
        private DesignStratum[]? Strata(ParseResult parse)
        {
            double[] prevalence = NumberList.Parse(parse.GetValue(stratumPrevalence), "--stratum-prevalence");
            double[] ratios = NumberList.Parse(parse.GetValue(stratumHazardRatio), "--stratum-hazard-ratio");
            double[] medians = NumberList.Parse(parse.GetValue(stratumControlMedian), "--stratum-control-median");
            double[] hazards = NumberList.Parse(parse.GetValue(stratumControlHazard), "--stratum-control-hazard");
            string? names = parse.GetValue(stratumName);
            if (prevalence.Length + ratios.Length + medians.Length + hazards.Length == 0 && names is null) return null;
            if (prevalence.Length < 2) throw new UsageException("a stratified design needs --stratum-prevalence with two or more values, e.g. 0.6,0.4.");
            if ((medians.Length == 0) == (hazards.Length == 0)) throw new UsageException("give exactly one of --stratum-control-median and --stratum-control-hazard.");
            double[] control = medians.Length > 0 ? medians : hazards;
            string[] labels = names is null ? [.. prevalence.Select((_, s) => $"stratum {s + 1}")] : [.. names.Split(',').Select(n => n.Trim())];
            foreach (var (option, count) in new[] { ("--stratum-hazard-ratio", ratios.Length), (medians.Length > 0 ? "--stratum-control-median" : "--stratum-control-hazard", control.Length), ("--stratum-name", labels.Length) })
                if (count != prevalence.Length)
                    throw new UsageException($"{option} has {count} values but --stratum-prevalence has {prevalence.Length}: give one per stratum.");
            return [.. prevalence.Select((p, s) => new DesignStratum(labels[s], p, ratios[s], medians.Length > 0 ? control[s] : null, hazards.Length > 0 ? control[s] : null))];
        }

        public SurvivalSampleSizeOptions Read(ParseResult parse, DesignOptions design)
        {
            double p = parse.GetValue(power);
            if (!(p > 0 && p < 1)) throw new UsageException($"--power {p}: expected a number strictly between 0 and 1.");
            double alpha = parse.GetValue(design.Alpha);
            if (!(p > alpha)) throw new UsageException($"--power {p}: must exceed --alpha ({alpha}).");
            double? median = parse.GetValue(controlMedian), hazard = parse.GetValue(controlHazard);
            double[] hazards = NumberList.Parse(parse.GetValue(lambda2), "--lambda2"), hazardStarts = NumberList.Parse(parse.GetValue(piecewiseTime), "--piecewise-time");
            var strata = Strata(parse);
            if (strata is not null && (median ?? hazard ?? parse.GetValue(hazardRatio)) is not null || strata is not null && hazards.Length > 0)
                throw new UsageException("a stratified design takes --stratum-hazard-ratio and --stratum-control-median (or --stratum-control-hazard) instead of --hazard-ratio and the overall control hazard.");
            if (strata is null && parse.GetValue(hazardRatio) is null)
                throw new UsageException("--hazard-ratio is required (or --stratum-prevalence, --stratum-hazard-ratio and --stratum-control-median for a stratified design).");
            if (strata is null && (median is null ? 0 : 1) + (hazard is null ? 0 : 1) + (hazards.Length == 0 ? 0 : 1) != 1)
                throw new UsageException("give exactly one of --control-median, --control-hazard and --lambda2.");
            if (hazardStarts.Length > 0 && hazards.Length == 0) throw new UsageException("--piecewise-time needs --lambda2 (one hazard per piece).");
            double[] accrualTimes = NumberList.Parse(parse.GetValue(accrualTime), "--accrual-time"), intensities = NumberList.Parse(parse.GetValue(accrualIntensity), "--accrual-intensity");
            double? uniform = parse.GetValue(accrual);
            if (uniform is null == (accrualTimes.Length == 0))
                throw new UsageException("give either --accrual (uniform accrual) or --accrual-time with --accrual-intensity.");
            if ((accrualTimes.Length == 0) != (intensities.Length == 0))
                throw new UsageException("--accrual-time and --accrual-intensity go together.");
            return new SurvivalSampleSizeOptions
            {
                Design = design.Read(parse, 1 - p),
                HazardRatio = parse.GetValue(hazardRatio) ?? 0,
                Strata = strata,
                ControlMedian = median,
                ControlHazard = hazard,
                ControlHazards = hazards.Length > 0 ? hazards : null,
                PiecewiseSurvivalTimes = hazardStarts.Length > 0 ? hazardStarts : null,
                AccrualTime = uniform,
                AccrualTimes = accrualTimes.Length > 0 ? accrualTimes : null,
                AccrualIntensities = intensities.Length > 0 ? intensities : null,
                FollowUpTime = parse.GetValue(followUp),
                MaxSubjects = parse.GetValue(maxSubjects),
                DropoutRate = parse.GetValue(dropout),
                DropoutTime = parse.GetValue(dropoutTime),
                AllocationRatio = ParseAllocation(parse.GetValue(allocation)!),
            };
        }
    }

    private static double ParseAllocation(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double t)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double c)
            && t > 0 && c > 0 && double.IsFinite(t) && double.IsFinite(c))
            return t / c;
        throw new UsageException($"--allocation '{text}': expected treatment:control, e.g. 1:1 or 2:1.");
    }
}
