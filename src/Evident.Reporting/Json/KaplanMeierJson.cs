using System.Text.Json;
using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Json;

/// <summary>Writes Kaplan–Meier curves (<c>analysis: "kaplan_meier"</c>) and survival at given times.</summary>
public static class KaplanMeierJson
{
    /// <summary>R's <c>conf.type</c> name of a confidence type, as the contract and the tables show it.</summary>
    /// <param name="type">The interval's scale.</param>
    public static string ConfidenceTypeName(ConfidenceType type) => type switch
    {
        ConfidenceType.Log => "log",
        ConfidenceType.LogLog => "log-log",
        ConfidenceType.Plain => "plain",
        _ => type.ToString(),
    };

    /// <summary>Writes the contract's document: one curve per group with every step, and survival at <paramref name="times"/>.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="formula">The formula as given.</param>
    /// <param name="rows">Rows analysed.</param>
    /// <param name="droppedRows">Rows dropped for missing values.</param>
    /// <param name="groups">The label of each curve.</param>
    /// <param name="curves">The curves, at least one, all with the same confidence type and level.</param>
    /// <param name="times">Times to report survival at; none leaves <c>at_times</c> out.</param>
    public static void Write(Utf8JsonWriter json, string formula, int rows, int droppedRows,
                             IReadOnlyList<IReadOnlyDictionary<string, string>> groups, IReadOnlyList<KaplanMeierCurve> curves, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(curves);
        var first = curves[0];
        json.WriteStartObject();
        json.WriteString("analysis", "kaplan_meier");
        json.WriteString("formula", formula);
        json.WriteString("conf_type", ConfidenceTypeName(first.ConfidenceType));
        json.WriteNumber("conf_level", first.ConfidenceLevel);
        json.WriteNumber("n", rows);
        json.WriteNumber("n_dropped", droppedRows);
        json.WriteStartArray("curves");
        for (int g = 0; g < curves.Count; g++) WriteCurve(json, groups[g], curves[g]);
        json.WriteEndArray();
        if (times.Count > 0)
        {
            json.WriteStartArray("at_times");
            for (int g = 0; g < curves.Count; g++)
            {
                foreach (var point in curves[g].At(times))
                {
                    json.WriteStartObject();
                    json.WriteGroup("group", groups[g]);
                    json.WriteNumber("time", point.Time);
                    json.WriteNumber("n_risk", point.AtRisk);
                    WriteSurvival(json, point, EstimateKeys.Survival);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes the survival at a time with its standard error and interval into the current object, under
    /// <paramref name="keys"/>: the contract's <see cref="EstimateKeys.Survival"/>, or results.json's milestone names.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="point">The curve at the time.</param>
    /// <param name="keys">The key names.</param>
    public static void WriteSurvival(Utf8JsonWriter json, KaplanMeierPoint point, EstimateKeys keys)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(point);
        json.WriteEstimate(keys, point.Survival, point.StdError, point.Lower, point.Upper);
    }

    private static void WriteCurve(Utf8JsonWriter json, IReadOnlyDictionary<string, string> group, KaplanMeierCurve curve)
    {
        json.WriteStartObject();
        json.WriteGroup("group", group);
        json.WriteNumber("n", curve.N);
        json.WriteNumber("events", curve.Events);
        json.WriteNumberOrNull("median", curve.Median);
        json.WriteNumberOrNull("median_conf_low", curve.MedianLower);
        json.WriteNumberOrNull("median_conf_high", curve.MedianUpper);
        json.WriteStartArray("steps");
        foreach (var step in curve.Steps)
        {
            json.WriteStartObject();
            json.WriteNumber("time", step.Time);
            json.WriteNumber("n_risk", step.AtRisk);
            json.WriteNumber("n_event", step.Events);
            json.WriteNumber("n_censor", step.Censored);
            json.WriteEstimate(EstimateKeys.Survival, step.Survival, step.StdError, step.Lower, step.Upper);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
