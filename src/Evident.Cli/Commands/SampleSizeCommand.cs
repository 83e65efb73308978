using System.CommandLine;
using System.Text.Json;
using Evident.Cli.Infrastructure;
using Evident.Design;
using Spectre.Console;

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

/// <summary>Presents a survival sample size.</summary>
public sealed class SampleSizeReport(SurvivalSampleSizeResult result) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("analysis", "sample_size_survival");
        json.WriteNumber("looks", result.Design.Looks);
        json.WriteNumberOrNull("events_fixed", result.EventsFixed);
        json.WriteNumberOrNull("max_events", result.MaxEvents);
        json.WriteNumberOrNull("max_subjects", result.MaxSubjects);
        json.WriteNumberOrNull("accrual_intensity", result.AccrualIntensity);
        json.WriteNumberOrNull("control_hazard", result.ControlHazard);
        json.WriteNumberOrNull("treatment_hazard", result.TreatmentHazard);
        json.WriteNumbers("information", result.Design.Information);
        json.WriteNumbers("critical_values", result.Design.CriticalValues);
        json.WriteNumbers("events_per_look", result.EventsPerLook);
        json.WriteNumbers("analysis_times", result.AnalysisTimes);
        json.WriteNumbers("subjects_per_look", result.SubjectsPerLook);
        json.WriteNumberOrNull("expected_events_h0", result.ExpectedEventsH0);
        json.WriteNumberOrNull("expected_events_h1", result.ExpectedEventsH1);
        json.WriteNumberOrNull("expected_subjects_h1", result.ExpectedSubjectsH1);
        json.WriteNumberOrNull("study_duration", result.StudyDuration);
        json.WriteNumberOrNull("expected_study_duration_h1", result.ExpectedStudyDurationH1);
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine("Sample size for a survival trial (Schoenfeld; uniform accrual, exponential survival and dropout)");
        var summary = new Table().Border(TableBorder.Simple).HideHeaders();
        summary.AddColumn("quantity");
        summary.AddColumn(new TableColumn("value").RightAligned());
        summary.AddRow("Events, fixed design", Format.Number(result.EventsFixed, 6));
        summary.AddRow("Maximum events", Format.Number(result.MaxEvents, 6));
        summary.AddRow("Maximum subjects", Format.Number(result.MaxSubjects, 6));
        summary.AddRow("Accrual intensity (subjects per time unit)", Format.Number(result.AccrualIntensity, 6));
        summary.AddRow("Expected events under H1", Format.Number(result.ExpectedEventsH1, 6));
        summary.AddRow("Study duration", Format.Number(result.StudyDuration, 6));
        console.Write(summary);
        if (result.Design.Looks > 1)
        {
            var looks = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "look", "information", "events", "time", "subjects", "efficacy Z" }) looks.AddColumn(new TableColumn(h).RightAligned());
            for (int k = 0; k < result.Design.Looks; k++)
                looks.AddRow((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Format.Number(result.Design.Information[k]),
                    Format.Number(result.EventsPerLook[k], 5), Format.Number(result.AnalysisTimes[k], 5), Format.Number(result.SubjectsPerLook[k], 5),
                    Format.Number(result.Design.CriticalValues[k], 5));
            console.Write(looks);
        }
    }
}
