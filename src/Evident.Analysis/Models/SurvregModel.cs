using Evident.Data;
using Evident.Statistics.Parametric;

namespace Evident.Analysis.Models;

/// <summary>
/// Parametric regression of a model frame (R's <c>survreg.R</c> to <see cref="ParametricRegression"/>'s <c>survreg6.c</c>):
/// <c>strata()</c> gives each stratum its own scale, <c>cluster()</c> is refused (no robust variance here), and a time
/// of 0 is an input error naming the row, since log T is the model's scale.
/// </summary>
public static class SurvregModel
{
    /// <summary>Fits the model. Equivalent to R's <c>survreg(formula, data, dist = distribution)</c>.</summary>
    /// <param name="frame">The model frame.</param>
    /// <param name="distribution">The distribution.</param>
    /// <exception cref="DataInputException">A time of 0, or a <c>cluster()</c> term; the message names the file and row.</exception>
    public static ParametricFit Fit(ModelFrame frame, SurvivalDistribution distribution)
    {
        CheckFrame(frame);
        return ParametricRegression.Fit(frame.Time, frame.Event, frame.Covariates, frame.CovariateCount, frame.Stratum, distribution);
    }

    /// <summary>
    /// Fits the mixture cure model (<see cref="MixtureCure"/>: logistic incidence and Weibull latency, both on the
    /// formula's terms) with survreg's input policy; <c>strata()</c> is refused (one latency scale).
    /// </summary>
    /// <param name="frame">The model frame.</param>
    /// <exception cref="DataInputException">A time of 0, a <c>cluster()</c> or <c>strata()</c> term.</exception>
    public static MixtureCureFit FitCure(ModelFrame frame)
    {
        CheckFrame(frame);
        if (frame.Formula.StrataColumns.Count > 0)
            throw new DataInputException($"the formula '{frame.Formula.Text}' has strata(); the cure model has one latency scale, remove the term.");
        return MixtureCure.Fit(frame.Time, frame.Event, frame.Covariates, frame.CovariateCount);
    }

    private static void CheckFrame(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Formula.ClusterColumn is not null)
            throw new DataInputException($"the formula '{frame.Formula.Text}' has cluster(); survreg's robust variance is not supported, remove the term.");
        var time = frame.Time;
        for (int i = 0; i < time.Length; i++)
        {
            if (!(time[i] > 0))
            {
                throw new DataInputException(
                    $"{frame.Source}, row {frame.SourceRows[i]}, column '{frame.Formula.TimeColumn}': value '0' is not above 0; survreg models log(time), so times must be positive.",
                    frame.Source, frame.SourceRows[i], frame.Formula.TimeColumn, "0", "times above 0");
            }
        }
    }
}
