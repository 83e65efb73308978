using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Design;

namespace Evident.Cli.Commands;

/// <summary><c>evident samplesize</c>: events and subjects for a survival trial (rpact: <c>getSampleSizeSurvival</c>, Schoenfeld).</summary>
public static class SampleSizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var design = new DesignOptions();
        var power = new Option<double>("--power") { Description = "Power 1 − β.", DefaultValueFactory = _ => 0.8 };
        var hazardRatio = new Option<double>("--hazard-ratio") { Description = "Hazard ratio under the alternative (treatment vs control).", Required = true };
        var controlMedian = new Option<double?>("--control-median") { Description = "Median survival in the control arm (time units of accrual and follow-up)." };
        var controlHazard = new Option<double?>("--control-hazard") { Description = "Constant hazard in the control arm (instead of --control-median)." };
        var accrual = new Option<double>("--accrual") { Description = "Accrual period (uniform accrual).", Required = true };
        var followUp = new Option<double>("--follow-up") { Description = "Follow-up after the end of accrual.", Required = true };
        var dropout = new Option<double>("--dropout") { Description = "Probability of dropout by --dropout-time (exponential).", DefaultValueFactory = _ => 0 };
        var dropoutTime = new Option<double>("--dropout-time") { Description = "Time at which --dropout is reached.", DefaultValueFactory = _ => 12 };
        var allocation = new Option<string>("--allocation") { Description = "Allocation ratio treatment:control, e.g. 1:1 or 2:1.", DefaultValueFactory = _ => "1:1" };
        var output = new OutputOptions();
        var command = new Command("samplesize", "Schoenfeld events, group-sequential maximum events, subjects and accrual intensity.");
        design.AddTo(command);
        foreach (Option o in new Option[] { power, hazardRatio, controlMedian, controlHazard, accrual, followUp, dropout, dropoutTime, allocation }) command.Options.Add(o);
        output.AddTo(command);
        CommandRunner.SetReportAction(command, output, parse =>
        {
            double p = parse.GetValue(power);
            if (!(p > 0 && p < 1)) throw new UsageException($"--power {p}: expected a number strictly between 0 and 1.");
            double alpha = parse.GetValue(design.Alpha);
            if (!(p > alpha)) throw new UsageException($"--power {p}: must exceed --alpha ({alpha}).");
            double? median = parse.GetValue(controlMedian), hazard = parse.GetValue(controlHazard);
            if (median is null == hazard is null) throw new UsageException("give exactly one of --control-median and --control-hazard.");
            var options = new SurvivalSampleSizeOptions
            {
                Design = design.Read(parse, 1 - p),
                HazardRatio = parse.GetValue(hazardRatio),
                ControlMedian = median,
                ControlHazard = hazard,
                AccrualTime = parse.GetValue(accrual),
                FollowUpTime = parse.GetValue(followUp),
                DropoutRate = parse.GetValue(dropout),
                DropoutTime = parse.GetValue(dropoutTime),
                AllocationRatio = ParseAllocation(parse.GetValue(allocation)!),
            };
            return new SampleSizeReport(DesignOptions.Call(() => SurvivalSampleSize.Compute(options),
                ("HazardRatio", "--hazard-ratio"), ("ControlMedian", "--control-median"), ("ControlHazard", "--control-hazard"),
                ("AccrualTime", "--accrual"), ("FollowUpTime", "--follow-up"), ("DropoutRate", "--dropout"), ("DropoutTime", "--dropout-time"),
                ("AllocationRatio", "--allocation")));
        });
        return command;
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
