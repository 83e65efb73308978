using System.Text.Json;
using Evident.Data;
using Evident.Statistics.Parametric;

namespace Evident.Reporting.Json;

/// <summary>Writes a parametric regression fit (<c>analysis: "survreg"</c>).</summary>
public static class SurvregJson
{
    /// <summary>
    /// Writes the contract's document: <c>dist</c>, <c>n</c>, <c>loglik</c>, <c>loglik_null</c>, <c>terms[]</c> (with
    /// <c>(Intercept)</c> first, as R names it) and <c>scale</c>, or <c>scales[]</c> of {<c>stratum</c>, <c>scale</c>} with
    /// <c>strata()</c>; then how the fit ended.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="frame">The model frame the fit was made from.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="warnings">Soft problems of the fit, in words.</param>
    public static void Write(Utf8JsonWriter json, ModelFrame frame, ParametricFit fit, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(fit);
        json.WriteStartObject();
        json.WriteString("analysis", "survreg");
        json.WriteString("formula", frame.Formula.Text);
        json.WriteString("dist", DistributionName(fit.Distribution));
        json.WriteNumber("n", fit.N);
        json.WriteNumber("n_dropped", frame.DroppedRows);
        json.WriteNumber("events", fit.Events);
        json.WriteNumberOrNull("loglik", fit.LogLikelihood);
        json.WriteNumberOrNull("loglik_null", fit.LogLikelihoodNull);
        json.WriteStartArray("terms");
        for (int j = 0; j < fit.Coefficients.Count; j++)
        {
            var c = fit.Coefficients[j];
            json.WriteStartObject();
            if (j == 0)
            {
                json.WriteString("term", "(Intercept)");
                json.WriteNull("level");
            }
            else
            {
                var column = frame.DesignColumns[j - 1];
                json.WriteString("term", column.Term);
                if (column.Level is null) json.WriteNull("level"); else json.WriteString("level", column.Level);
            }
            json.WriteNumberOrNull("estimate", c.Estimate);
            json.WriteNumberOrNull("std_error", c.StdError);
            json.WriteNumberOrNull("z", c.Z);
            json.WriteNumberOrNull("p_value", c.PValue);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (frame.StratumCount > 1)
        {
            json.WriteStartArray("scales");
            for (int s = 0; s < fit.Scales.Count; s++)
            {
                json.WriteStartObject();
                json.WriteString("stratum", frame.StratumNames[s]);
                json.WriteNumberOrNull("scale", fit.Scales[s]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        else json.WriteNumberOrNull("scale", fit.Scales[0]);
        json.WriteStartObject("tests");
        json.WriteTest("likelihood_ratio", fit.LikelihoodRatio);
        json.WriteEndObject();
        json.WriteFitStatus(fit.Iterations, fit.Status, warnings);
        json.WriteEndObject();
    }

    /// <summary>R's name of a distribution: <c>weibull</c>, <c>exponential</c>, <c>lognormal</c>, <c>loglogistic</c>.</summary>
    /// <param name="distribution">The distribution.</param>
    public static string DistributionName(SurvivalDistribution distribution) => distribution switch
    {
        SurvivalDistribution.Exponential => "exponential",
        SurvivalDistribution.LogNormal => "lognormal",
        SurvivalDistribution.LogLogistic => "loglogistic",
        _ => "weibull",
    };
}
