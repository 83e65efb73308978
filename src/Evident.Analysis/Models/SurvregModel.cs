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
        return ParametricRegression.Fit(frame.Time, frame.Event, frame.Covariates, frame.CovariateCount, frame.Stratum, distribution);
    }
}
