using System.Text.Json;
using Evident.Analysis.Models;
using Evident.Data;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Json;

/// <summary>Writes a Cox fit with the survival curves it predicts for covariate patterns (<c>cox --predict</c>).</summary>
public static class CoxCurvesJson
{
    /// <summary>
    /// Writes the Cox document (<see cref="CoxJson.WriteFields"/>) with <c>conf_type</c>, <c>conf_level</c> and
    /// <c>curves[]</c>: per pattern its values, stratum and, at every distinct time of its stratum, <c>times</c>,
    /// <c>n_risk</c>, <c>n_event</c>, <c>n_censor</c>, <c>survival</c>, <c>std_error</c> (of the survival),
    /// <c>conf_low</c>, <c>conf_high</c>, <c>cumulative_hazard</c> and <c>cumulative_hazard_std_error</c>.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="frame">The model frame.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="warnings">Soft problems of the fit.</param>
    /// <param name="patterns">The patterns, or null without <c>--predict</c>.</param>
    /// <param name="curves">One curve per pattern, all at one confidence type and level, or null.</param>
    /// <param name="adjustedBy">The variable of <paramref name="adjusted"/>, or null.</param>
    /// <param name="adjusted">Adjusted curves per level (<c>--adjusted-by</c>), or null.</param>
    public static void Write(Utf8JsonWriter json, ModelFrame frame, CoxFit fit, IReadOnlyList<string> warnings,
                             CovariatePatterns? patterns, IReadOnlyList<CoxSurvivalCurve>? curves,
                             string? adjustedBy, IReadOnlyList<AdjustedSurvivalCurve>? adjusted)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(frame);
        json.WriteStartObject();
        CoxJson.WriteFields(json, frame, fit, warnings);
        var first = curves is { Count: > 0 } ? (curves[0].ConfidenceType, curves[0].ConfidenceLevel)
            : (adjusted![0].Curve.ConfidenceType, adjusted[0].Curve.ConfidenceLevel);
        json.WriteString("conf_type", KaplanMeierJson.ConfidenceTypeName(first.Item1));
        json.WriteNumber("conf_level", first.Item2);
        if (patterns is not null && curves is not null) WriteCurves(json, frame, patterns, curves);
        if (adjustedBy is not null && adjusted is not null) WriteAdjusted(json, adjustedBy, adjusted);
        json.WriteEndObject();
    }

    private static void WriteAdjusted(Utf8JsonWriter json, string adjustedBy, IReadOnlyList<AdjustedSurvivalCurve> adjusted)
    {
        json.WriteString("adjusted_by", adjustedBy);
        json.WriteString("adjusted_method", "direct standardisation over the analysed rows; delta-method standard errors given the covariates");
        json.WriteStartArray("adjusted_curves");
        foreach (var a in adjusted)
        {
            json.WriteStartObject();
            json.WriteString("level", a.Level);
            json.WriteNumber("n", a.SampleSize);
            json.WriteNumbers("times", a.Curve.Times);
            json.WriteNumbers("survival", a.Curve.Survival);
            json.WriteNumbers("std_error", a.Curve.StdError);
            json.WriteNumbers("conf_low", a.Curve.ConfLow);
            json.WriteNumbers("conf_high", a.Curve.ConfHigh);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteCurves(Utf8JsonWriter json, ModelFrame frame, CovariatePatterns patterns, IReadOnlyList<CoxSurvivalCurve> curves)
    {
        json.WriteString("patterns_file", patterns.Source);
        json.WriteStartArray("curves");
        for (int k = 0; k < curves.Count; k++)
        {
            var curve = curves[k];
            json.WriteStartObject();
            json.WriteGroup("pattern", patterns.Labels[k]);
            if (frame.StratumCount > 1) json.WriteString("stratum", frame.StratumNames[curve.Stratum]);
            else json.WriteNull("stratum");
            json.WriteNumbers("times", curve.Times);
            json.WriteIntegers("n_risk", curve.AtRisk.Select(v => (long)v));
            json.WriteIntegers("n_event", curve.Events.Select(v => (long)v));
            json.WriteIntegers("n_censor", curve.Censored.Select(v => (long)v));
            json.WriteNumbers("survival", curve.Survival);
            json.WriteNumbers("std_error", curve.StdError);
            json.WriteNumbers("conf_low", curve.ConfLow);
            json.WriteNumbers("conf_high", curve.ConfHigh);
            json.WriteNumbers("cumulative_hazard", curve.CumulativeHazard);
            json.WriteNumbers("cumulative_hazard_std_error", curve.CumulativeHazardStdError);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
