using System.Globalization;
using System.Text.Json;
using Evident.Design.Monitoring;

namespace Evident.Reporting.Json;

/// <summary>
/// Writes an interim analysis in its two published layouts: the contract's (<c>analysis: "interim_monitoring"</c>, one
/// array per quantity, <see cref="Write"/>) and results.json's (one object per look with its date,
/// <see cref="WriteLooks"/>).
/// </summary>
public static class MonitoringJson
{
    /// <summary>The contract's name of a decision: <c>continue</c>, <c>stop_efficacy</c>, <c>stop_futility</c>, <c>final_not_rejected</c>.</summary>
    /// <param name="decision">The decision.</param>
    public static string DecisionName(MonitoringDecision decision) => decision switch
    {
        MonitoringDecision.StopForEfficacy => "stop_efficacy",
        MonitoringDecision.StopForFutility => "stop_futility",
        MonitoringDecision.FinalNoRejection => "final_not_rejected",
        _ => "continue",
    };

    /// <summary>Writes the contract's document: the looks so far, the decision, estimates and the remaining looks.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="result">The interim analysis.</param>
    public static void Write(Utf8JsonWriter json, InterimAnalysis result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        var looks = result.Looks;
        json.WriteStartObject();
        json.WriteString("analysis", "interim_monitoring");
        json.WriteNumber("looks", looks.Count);
        json.WriteNumber("planned_looks", result.Design.Looks);
        json.WriteNumber("max_events", result.MaxEvents);
        json.WriteString("spending", result.Design.Spending.ToString());
        json.WriteNumber("alpha", result.Design.Alpha);
        json.WriteNumbers("events", looks.Select(l => l.Events));
        json.WriteNumbers("z", looks.Select(l => l.Z));
        json.WriteNumbers("information", looks.Select(l => l.InformationFraction));
        json.WriteNumbers("critical_values", looks.Select(l => l.EfficacyBound));
        json.WriteNumbers("futility_bounds", looks.Select(l => l.FutilityBound));
        json.WriteNumbers("alpha_spent", looks.Select(l => l.AlphaSpent));
        json.WriteStrings("decisions", looks.Select(l => DecisionName(l.Decision)));
        json.WriteString("decision", DecisionName(result.Decision));
        if (result.StoppedAt is int s) json.WriteNumber("stopped_at", s); else json.WriteNull("stopped_at");
        json.WriteNumbers("hazard_ratio", looks.Select(l => l.HazardRatio));
        json.WriteNumbers("rci_lower", looks.Select(l => l.RciLower));
        json.WriteNumbers("rci_upper", looks.Select(l => l.RciUpper));
        json.WriteNumbers("repeated_p_values", looks.Select(l => l.RepeatedPValue));
        if (result.DesignHazardRatio is double hr) json.WriteNumber("design_hazard_ratio", hr); else json.WriteNull("design_hazard_ratio");
        json.WriteNumbers("conditional_power_design", looks.Select(l => l.ConditionalPowerDesign));
        json.WriteNumbers("conditional_power_trend", looks.Select(l => l.ConditionalPowerTrend));
        json.WriteNumbers("future_information", result.Design.Information.Skip(looks.Count));
        json.WriteNumbers("future_critical_values", result.Design.CriticalValues.Skip(looks.Count));
        json.WriteNumbers("future_events", result.PlannedEvents);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes results.json's layout into the current object: <c>planned_events</c>, <c>stopped_at_look</c> and
    /// <c>looks</c>, one object per look with its date and the decision as the enum names it.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="result">The interim analysis.</param>
    /// <param name="lookDates">The date of each look so far.</param>
    public static void WriteLooks(Utf8JsonWriter json, InterimAnalysis result, IReadOnlyList<DateOnly> lookDates)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lookDates);
        json.WriteNumberOrNull("planned_events", result.MaxEvents);
        if (result.StoppedAt is int stop) json.WriteNumber("stopped_at_look", stop);
        else json.WriteNull("stopped_at_look");
        json.WriteStartArray("looks");
        for (int k = 0; k < result.Looks.Count; k++)
        {
            var look = result.Looks[k];
            json.WriteStartObject();
            json.WriteNumber("look", look.Look);
            json.WriteString("date", lookDates[k].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumberOrNull("events", look.Events);
            json.WriteNumberOrNull("information_fraction", look.InformationFraction);
            json.WriteNumberOrNull("z", look.Z);
            json.WriteNumberOrNull("efficacy_bound", look.EfficacyBound);
            json.WriteNumberOrNull("futility_bound", look.FutilityBound);
            json.WriteNumberOrNull("alpha_spent", look.AlphaSpent);
            json.WriteNumberOrNull("nominal_p", look.NominalP);
            json.WriteString("decision", look.Decision.ToString());
            json.WriteNumberOrNull("hazard_ratio", look.HazardRatio);
            json.WriteNumberOrNull("rci_low", look.RciLower);
            json.WriteNumberOrNull("rci_high", look.RciUpper);
            json.WriteNumberOrNull("repeated_p", look.RepeatedPValue);
            json.WriteNumberOrNull("conditional_power_design", look.ConditionalPowerDesign);
            json.WriteNumberOrNull("conditional_power_trend", look.ConditionalPowerTrend);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
