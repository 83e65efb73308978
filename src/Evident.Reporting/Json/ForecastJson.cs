using System.Globalization;
using System.Text.Json;
using Evident.Analysis.Forecast;
using Evident.Design.Forecast;

namespace Evident.Reporting.Json;

/// <summary>Writes a forecast of the looks' dates (<c>analysis: "event_forecast"</c>; docs/forecast.md).</summary>
public static class ForecastJson
{
    /// <summary>Writes the contract's document: <c>looks[]</c> of {<c>look</c>, <c>target_events</c>, <c>predicted_date</c>, <c>lower</c>, <c>upper</c>, <c>level</c>} and the fitted models.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="result">The forecast.</param>
    public static void Write(Utf8JsonWriter json, TrialForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        json.WriteString("analysis", "event_forecast");
        WriteBody(json, result);
        json.WriteEndObject();
    }

    /// <summary>The forecast's keys without the enclosing object (the service's answer uses them too).</summary>
    /// <param name="json">The writer.</param>
    /// <param name="result">The forecast.</param>
    public static void WriteBody(Utf8JsonWriter json, TrialForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        var model = result.Model;
        json.WriteString("endpoint", result.Endpoint);
        json.WriteString("cutoff", Date(result.Cutoff));
        json.WriteString("time_unit", result.Unit.ToString().ToLowerInvariant());
        json.WriteNumber("participants", model.Participants);
        if (result.PlannedParticipants is int n) json.WriteNumber("participants_planned", n); else json.WriteNull("participants_planned");
        json.WriteNumber("events", model.Events);
        json.WriteNumber("events_planned", result.PlannedEvents);
        json.WriteString("accrual_model", result.Accrual == ForecastAccrual.Plan ? "plan" : "observed");
        json.WriteNumberOrNull("accrual_rate", model.AccrualRate);
        json.WriteString("event_model", model.HazardStarts.Count == 1 ? "exponential" : "piecewise_exponential");
        json.WriteNumbers("hazard_starts", model.HazardStarts);
        json.WriteNumbers("hazards", model.Hazards);
        json.WriteNumbers("exposure", model.Exposure);
        json.WriteIntegers("piece_events", model.PieceEvents.Select(d => (long)d));
        json.WriteNumber("replicates", model.Replicates);
        json.WriteNumber("level", model.Level);
        json.WriteStartArray("looks");
        foreach (var look in result.Looks)
        {
            json.WriteStartObject();
            json.WriteNumber("look", look.Look);
            json.WriteNumber("target_events", look.TargetEvents);
            json.WriteBoolean("reached", look.Reached);
            WriteDate(json, "predicted_date", look.PredictedDate);
            WriteDate(json, "lower", look.Lower);
            WriteDate(json, "upper", look.Upper);
            json.WriteNumber("level", look.Level);
            json.WriteNumber("probability_reached", look.ProbabilityReached);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d) json.WriteString(name, Date(d));
        else json.WriteNull(name);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
