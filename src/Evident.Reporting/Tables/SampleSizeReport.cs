using System.Globalization;
using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Design;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a survival sample size.</summary>
public sealed class SampleSizeReport(SurvivalSampleSizeResult result) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        SampleSizeJson.Write(json, result);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine(result.Strata is not null
            ? "Sample size for a stratified survival trial (stratified log-rank test, Schoenfeld within strata; exponential survival and dropout per stratum)"
            : result.AccrualIntensities.Count == 1 && result.ControlHazards.Count == 1
            ? "Sample size for a survival trial (Schoenfeld; uniform accrual, exponential survival and dropout)"
            : "Sample size for a survival trial (Schoenfeld; piecewise accrual and hazards, exponential dropout)");
        var summary = new Table().Border(TableBorder.Simple).HideHeaders();
        summary.AddColumn("quantity");
        summary.AddColumn(new TableColumn("value").RightAligned());
        summary.AddRow("Events, fixed design", Format.Number(result.EventsFixed, 6));
        summary.AddRow("Maximum events", Format.Number(result.MaxEvents, 6));
        summary.AddRow("Maximum subjects", Format.Number(result.MaxSubjects, 6));
        summary.AddRow("Accrual intensity (subjects per time unit)", string.Join(", ", result.AccrualIntensities.Select(r => Format.Number(r, 6))));
        summary.AddRow("End of accrual", Format.Number(result.AccrualTimes[^1], 6));
        summary.AddRow("Follow-up after the end of accrual", Format.Number(result.FollowUpTime, 6));
        summary.AddRow("Expected events under H1", Format.Number(result.ExpectedEventsH1, 6));
        summary.AddRow("Study duration", Format.Number(result.StudyDuration, 6));
        if (result.Strata is not null)
        {
            summary.AddRow("Effective hazard ratio at the final look", Format.Number(result.EffectiveHazardRatios[^1], 6));
            summary.AddRow("Power (stratified log-rank asymptotics)", Format.Number(result.Power, 6));
        }
        console.Write(summary);
        if (result.Strata is { } strata)
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn("stratum");
            foreach (var h in new[] { "prevalence", "hazard ratio", "control hazard", "subjects", "events at final look" }) table.AddColumn(new TableColumn(h).RightAligned());
            foreach (var s in strata)
                table.AddRow(Markup.Escape(s.Name), Format.Number(s.Prevalence, 5), Format.Number(s.HazardRatio, 5), Format.Number(s.ControlHazard, 5),
                    Format.Number(s.Subjects, 6), Format.Number(s.EventsPerLook[^1], 6));
            console.Write(table);
        }
        if (result.Design.Looks > 1)
        {
            var looks = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "look", "information", "events", "time", "subjects", "efficacy Z" }) looks.AddColumn(new TableColumn(h).RightAligned());
            for (int k = 0; k < result.Design.Looks; k++)
                looks.AddRow((k + 1).ToString(CultureInfo.InvariantCulture), Format.Number(result.Design.Information[k]),
                    Format.Number(result.EventsPerLook[k], 5), Format.Number(result.AnalysisTimes[k], 5), Format.Number(result.SubjectsPerLook[k], 5),
                    Format.Number(result.Design.CriticalValues[k], 5));
            console.Write(looks);
        }
    }
}
