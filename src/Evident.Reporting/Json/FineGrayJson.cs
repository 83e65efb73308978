using System.Globalization;
using System.Text.Json;
using Evident.Data;
using Evident.Statistics.CompetingRisks;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Json;

/// <summary>Writes a Fine–Gray fit (<c>analysis: "fine_gray"</c>).</summary>
public static class FineGrayJson
{
    /// <summary>Writes the contract's document: counts by outcome, the coefficients and how the fit ended.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="frame">The model frame the fit was made from.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="warnings">Soft problems of the fit, in words.</param>
    public static void Write(Utf8JsonWriter json, ModelFrame frame, FineGrayFit fit, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(fit);
        json.WriteStartObject();
        json.WriteString("analysis", "fine_gray");
        json.WriteString("formula", frame.Formula.Text);
        json.WriteString("cause", fit.Cause.ToString(CultureInfo.InvariantCulture));
        json.WriteNumber("n", fit.N);
        json.WriteNumber("n_dropped", frame.DroppedRows);
        json.WriteNumber("events", fit.Events);
        json.WriteNumber("competing_events", fit.CompetingEvents);
        json.WriteNumber("censored", fit.Censored);
        json.WriteNumberOrNull("log_likelihood", fit.LogLikelihood);
        json.WriteNumberOrNull("log_likelihood_null", fit.LogLikelihoodNull);
        json.WriteNumber("conf_level", fit.ConfidenceLevel);
        json.WriteStartArray("terms");
        for (int j = 0; j < fit.Terms.Count; j++)
        {
            var t = fit.Terms[j];
            json.WriteCoefficient(frame.DesignColumns[j], t.Estimate, t.StdError, null, t.HazardRatio, t.ConfLow, t.ConfHigh, t.Z, t.PValue);
        }
        json.WriteEndArray();
        json.WriteBoolean("converged", fit.Status == ConvergenceStatus.Converged);
        json.WriteFitStatus(fit.Iterations, fit.Status, warnings);
        json.WriteEndObject();
    }
}
