using System.Text.Json;
using Evident.Data;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Json;

/// <summary>Writes a Cox fit (<c>analysis: "cox"</c>) and hazard ratios.</summary>
public static class CoxJson
{
    /// <summary>Writes the contract's document: the coefficients, the three tests, concordance and how the fit ended.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="frame">The model frame the fit was made from.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="warnings">Soft problems of the fit, in words.</param>
    public static void Write(Utf8JsonWriter json, ModelFrame frame, CoxFit fit, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(fit);
        json.WriteStartObject();
        WriteFields(json, frame, fit, warnings);
        json.WriteEndObject();
    }

    /// <summary>Writes the keys of <see cref="Write"/> into the current object (a document that adds keys of its own, as <c>--predict</c>).</summary>
    /// <param name="json">The writer.</param>
    /// <param name="frame">The model frame the fit was made from.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="warnings">Soft problems of the fit, in words.</param>
    public static void WriteFields(Utf8JsonWriter json, ModelFrame frame, CoxFit fit, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(fit);
        json.WriteString("analysis", "cox");
        json.WriteString("formula", frame.Formula.Text);
        json.WriteString("ties", TiesName(fit.Ties));
        json.WriteNumber("n", fit.N);
        json.WriteNumber("n_dropped", frame.DroppedRows);
        json.WriteNumber("events", fit.Events);
        json.WriteNumber("strata", frame.StratumCount);
        json.WriteNumberOrNull("loglik_null", fit.LogLikelihoodNull);
        json.WriteNumberOrNull("loglik", fit.LogLikelihood);
        json.WriteStartArray("terms");
        for (int j = 0; j < fit.Terms.Count; j++)
        {
            var t = fit.Terms[j];
            json.WriteCoefficient(frame.DesignColumns[j], t.Estimate, t.StdError, t.RobustStdError, t.HazardRatio, t.ConfLow, t.ConfHigh, t.Z, t.PValue);
        }
        json.WriteEndArray();
        json.WriteStartObject("tests");
        json.WriteTest("likelihood_ratio", fit.LikelihoodRatio);
        json.WriteTest("wald", fit.Wald);
        json.WriteTest("score", fit.Score);
        if (fit.RobustScore is { } robust) json.WriteTest("robust_score", robust);
        json.WriteEndObject();
        json.WriteNumberOrNull("concordance", fit.Concordance);
        json.WriteFitStatus(fit.Iterations, fit.Status, warnings);
    }

    /// <summary>
    /// Writes a hazard ratio with its interval and p into the current object under <paramref name="keys"/> (results.json:
    /// <c>hazard_ratio</c>, <c>conf_low</c>, <c>conf_high</c>, <c>hazard_ratio_p</c>).
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="coefficient">The coefficient of the comparison.</param>
    /// <param name="keys">The key names.</param>
    public static void WriteHazardRatio(Utf8JsonWriter json, CoxCoefficient coefficient, EstimateKeys keys)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(coefficient);
        json.WriteEstimate(keys, coefficient.HazardRatio, coefficient.StdError, coefficient.ConfLow, coefficient.ConfHigh, coefficient.Z, coefficient.PValue);
    }

    /// <summary>R's name of a tie method: <c>efron</c> or <c>breslow</c>.</summary>
    /// <param name="ties">The tie method.</param>
    public static string TiesName(TieMethod ties) => ties == TieMethod.Breslow ? "breslow" : "efron";
}
