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
                ("AllocationRatio", "--allocation")));
        });
        return command;
    }

    /// <summary>The command's own options (the design's are <see cref="DesignOptions"/>).</summary>
    private sealed class Inputs
    {
        private readonly Option<double> power = new("--power") { Description = "Power 1 − β.", DefaultValueFactory = _ => 0.8 };
        private readonly Option<double> hazardRatio = new("--hazard-ratio") { Description = "Hazard ratio under the alternative (treatment vs control).", Required = true };
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
        private readonly Option<string> allocation = new("--allocation") { Description = "Allocation ratio treatment:control, e.g. 1:1 or 2:1.", DefaultValueFactory = _ => "1:1" };

        public IEnumerable<Option> All =>
            [power, hazardRatio, controlMedian, controlHazard, lambda2, piecewiseTime, accrual, accrualTime, accrualIntensity, followUp, maxSubjects, dropout, dropoutTime, allocation];

        public SurvivalSampleSizeOptions Read(ParseResult parse, DesignOptions design)
        {
            double p = parse.GetValue(power);
            if (!(p > 0 && p < 1)) throw new UsageException($"--power {p}: expected a number strictly between 0 and 1.");
            double alpha = parse.GetValue(design.Alpha);
            if (!(p > alpha)) throw new UsageException($"--power {p}: must exceed --alpha ({alpha}).");
            double? median = parse.GetValue(controlMedian), hazard = parse.GetValue(controlHazard);
            double[] hazards = NumberList.Parse(parse.GetValue(lambda2), "--lambda2"), hazardStarts = NumberList.Parse(parse.GetValue(piecewiseTime), "--piecewise-time");
            if ((median is null ? 0 : 1) + (hazard is null ? 0 : 1) + (hazards.Length == 0 ? 0 : 1) != 1)
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
                HazardRatio = parse.GetValue(hazardRatio),
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
