using System.Globalization;
using System.Text.Json;
using Evident.Analysis.Forecast;
using Evident.Design.Forecast;
using Evident.Reporting.Json;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a forecast of the looks' dates.</summary>
public sealed class ForecastReport(TrialForecastResult result) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) => ForecastJson.Write(json, result);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        var model = result.Model;
        string level = Format.Number(100 * model.Level, 3) + "%";
        string unit = result.Unit.ToString().ToLowerInvariant();
        console.MarkupLine(Markup.Escape($"Forecast of the looks' dates for {result.Endpoint} from blinded data as of {Text(result.Cutoff)}"));
        string accrual = model.AccrualRate > 0
            ? $"{(result.Accrual == ForecastAccrual.Plan ? "planned" : "observed")} rate {Format.Number(model.AccrualRate, 4)} per {unit.TrimEnd('s')}"
            : "closed";
        console.MarkupLine(Markup.Escape($"{model.Participants} participants{(result.PlannedParticipants is int n ? $" of {n}" : "")}, {model.Events} events of {result.PlannedEvents} planned; accrual {accrual}."));
        var hazards = string.Join(", ", model.Hazards.Select((h, j) => $"{Format.Number(h, 4)} from {Format.Number(model.HazardStarts[j], 4)}"));
        console.MarkupLine(Markup.Escape($"Pooled hazard per {unit.TrimEnd('s')}: {hazards}; {model.Replicates} simulated continuations."));
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "look", "events", "predicted date", $"{level} prediction interval", "P(reached)" }) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var look in result.Looks)
            table.AddRow(look.Look.ToString(CultureInfo.InvariantCulture), look.TargetEvents.ToString(CultureInfo.InvariantCulture),
                look.Reached ? $"reached {Text(look.PredictedDate)}" : Text(look.PredictedDate),
                look.Reached ? "" : $"{Text(look.Lower)} to {Text(look.Upper)}", Format.Number(look.ProbabilityReached, 3));
        console.Write(table);
    }

    private static string Text(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not estimable";
}
