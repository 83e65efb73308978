using System.Text.Json;
using Evident.Data;
using Evident.Statistics.Parametric;

namespace Evident.Reporting.Json;

/// <summary>Writes a mixture cure model fit (<c>analysis: "cure"</c>, <c>evident survreg --cure</c>).</summary>
public static class CureJson
{
    /// <summary>
    /// Writes <c>model</c> (in words), <c>n</c>, <c>events</c>, <c>loglik</c>, <c>incidence_terms[]</c> (logit of the
    /// probability of not being cured) and <c>latency_terms[]</c> (log-time scale among the not cured), each of {<c>term</c>,
    /// <c>level</c>, <c>estimate</c>, <c>std_error</c>, <c>z</c>, <c>p_value</c>} with <c>(Intercept)</c> first; <c>log_scale</c>
    /// (the same keys), <c>scale</c>, <c>mean_cure_probability</c>, and how the fit ended.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="frame">The model frame.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="warnings">Soft problems of the fit.</param>
    public static void Write(Utf8JsonWriter json, ModelFrame frame, MixtureCureFit fit, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(fit);
        json.WriteStartObject();
        json.WriteString("analysis", "cure");
        json.WriteString("formula", frame.Formula.Text);
        json.WriteString("model", "mixture cure: logistic incidence (probability of not being cured), Weibull latency (survreg's parametrisation)");
        json.WriteNumber("n", fit.N);
        json.WriteNumber("n_dropped", frame.DroppedRows);
        json.WriteNumber("events", fit.Events);
        json.WriteNumberOrNull("loglik", fit.LogLikelihood);
        WriteTerms(json, "incidence_terms", frame, fit.Incidence);
        WriteTerms(json, "latency_terms", frame, fit.Latency);
        json.WritePropertyName("log_scale");
        WriteTerm(json, "Log(scale)", null, fit.LogScale);
        json.WriteNumberOrNull("scale", fit.Scale);
        json.WriteNumberOrNull("mean_cure_probability", fit.MeanCureProbability);
        json.WriteFitStatus(fit.Iterations, fit.Status, warnings);
        json.WriteEndObject();
    }

    private static void WriteTerms(Utf8JsonWriter json, string name, ModelFrame frame, IReadOnlyList<ParametricCoefficient> terms)
    {
        json.WriteStartArray(name);
        for (int j = 0; j < terms.Count; j++)
        {
            var column = j == 0 ? null : frame.DesignColumns[j - 1];
            WriteTerm(json, column?.Term ?? "(Intercept)", column?.Level, terms[j]);
        }
        json.WriteEndArray();
    }

    private static void WriteTerm(Utf8JsonWriter json, string term, string? level, ParametricCoefficient c)
    {
        json.WriteStartObject();
        json.WriteString("term", term);
        if (level is null) json.WriteNull("level"); else json.WriteString("level", level);
        json.WriteNumberOrNull("estimate", c.Estimate);
        json.WriteNumberOrNull("std_error", c.StdError);
        json.WriteNumberOrNull("z", c.Z);
        json.WriteNumberOrNull("p_value", c.PValue);
        json.WriteEndObject();
    }
}
