using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Design.NonProportional;
using Evident.Design.Simulation;
using Evident.Reporting.Tables;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident ahr</c>: the average hazard ratio, expected events and information at analysis times for a hazard ratio
/// that changes with the time since entry, as gsDesign2's <c>ahr()</c> (docs/average-hazard-ratio.md).
/// </summary>
public static class AverageHazardRatioCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var enrollTime = new Option<string?>("--enrollment-time") { Description = "Starts of the enrolment pieces in calendar time, 0 first (default 0)." };
        var enrollRate = new Option<string>("--enrollment-rate") { Required = true, Description = "Subjects per time unit in each enrolment piece." };
        var enrollEnd = new Option<double>("--enrollment-end") { Required = true, Description = "End of enrolment." };
        var hazardTime = new Option<string?>("--piecewise-time") { Description = "Starts of the control hazard's pieces in time since entry, 0 first (default 0)." };
        var lambda2 = new Option<string>("--lambda2") { Required = true, Description = "Control hazard of each piece." };
        var ratioTime = new Option<string?>("--hr-time") { Description = "Starts of the hazard ratio's pieces in time since entry, 0 first (default 0), e.g. 0,6." };
        var hazardRatio = new Option<string>("--hazard-ratio") { Required = true, Description = "Hazard ratio experimental/control of each piece, e.g. 1,0.6." };
        var dropout = new Option<double>("--dropout-hazard") { Description = "Constant dropout hazard in both arms.", DefaultValueFactory = _ => 0 };
        var ratio = new Option<double>("--ratio") { Description = "Randomization ratio experimental:control.", DefaultValueFactory = _ => 1 };
        var times = new Option<string>("--times") { Required = true, Description = "Calendar times of the analyses, e.g. 12,24,36." };
        var output = new OutputOptions();
        var command = new Command("ahr", "Average hazard ratio, expected events and information at analysis times under a piecewise hazard ratio (gsDesign2 ahr).");
        foreach (Option o in new Option[] { enrollTime, enrollRate, enrollEnd, hazardTime, lambda2, ratioTime, hazardRatio, dropout, ratio, times }) command.Options.Add(o);
        output.AddTo(command);
        CommandRunner.SetReportAction(command, output, parse =>
        {
            var enrollment = Steps(parse.GetValue(enrollTime), parse.GetValue(enrollRate), "--enrollment-time", "--enrollment-rate");
            var control = Steps(parse.GetValue(hazardTime), parse.GetValue(lambda2), "--piecewise-time", "--lambda2");
            var hr = Steps(parse.GetValue(ratioTime), parse.GetValue(hazardRatio), "--hr-time", "--hazard-ratio");
            var options = new AverageHazardRatioOptions
            {
                EnrollmentRate = enrollment,
                EnrollmentEnd = parse.GetValue(enrollEnd),
                ControlHazard = control,
                HazardRatio = hr,
                DropoutHazard = parse.GetValue(dropout),
                AllocationRatio = parse.GetValue(ratio),
                AnalysisTimes = NumberList.Parse(parse.GetValue(times), "--times"),
            };
            var looks = DesignOptions.Call(() => AverageHazardRatio.Compute(options),
                ("EnrollmentEnd", "--enrollment-end"), ("ControlHazard", "--lambda2"), ("HazardRatio", "--hazard-ratio"),
                ("DropoutHazard", "--dropout-hazard"), ("AllocationRatio", "--ratio"), ("AnalysisTimes", "--times"));
            var periods = control.Starts.Union(hr.Starts).Order().ToArray();
            return new AverageHazardRatioReport(periods, periods.Select(t => hr.Rates[LastStartAtOrBefore(hr.Starts, t)]).ToArray(), looks);
        });
        return command;
    }

    /// <summary>A step function from its starts (default 0) and values; errors name the two options.</summary>
    private static PiecewiseHazard Steps(string? startsText, string? valuesText, string startsOption, string valuesOption)
    {
        var values = NumberList.Parse(valuesText, valuesOption);
        var starts = startsText is null ? [0.0] : NumberList.Parse(startsText, startsOption);
        if (values.Length != starts.Length)
            throw new UsageException($"{valuesOption} has {values.Length} values but {startsOption} has {starts.Length} starts; give one value per piece.");
        return DesignOptions.Call(() => new PiecewiseHazard(starts, values), ("starts", startsOption), ("rates", valuesOption));
    }

    private static int LastStartAtOrBefore(IReadOnlyList<double> starts, double t)
    {
        int j = starts.Count - 1;
        while (j > 0 && starts[j] > t) j--;
        return j;
    }
}
