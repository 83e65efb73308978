using Evident.Data;
using Evident.Statistics.CompetingRisks;

namespace Evident.Analysis.Models;

/// <summary>
/// The Fine–Gray (1999) subdistribution hazards model of a model frame whose status column holds causes
/// (0 = censored, k = cause k), as R's <c>cmprsk::crr</c> fits it.
/// </summary>
public static class FineGrayModel
{
    /// <summary>Checks that the frame is a design <c>crr</c> can fit: no <c>strata()</c>, at least one covariate.</summary>
    /// <param name="frame">The model frame.</param>
    /// <exception cref="DataInputException">The formula has strata() or no covariate; the message names the formula.</exception>
    public static void CheckDesign(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.StratumCount > 1)
            throw new DataInputException($"the formula '{frame.Formula.Text}' has strata(): cmprsk's Fine–Gray model has no strata; use the variable as a covariate.");
        if (frame.CovariateCount == 0)
            throw new DataInputException($"the formula '{frame.Formula.Text}' has no covariates: a Fine–Gray model needs at least one term.");
    }

    /// <summary>The causes with at least one failure (the nonzero status codes), ascending.</summary>
    /// <param name="frame">The model frame, its status read as causes.</param>
    public static IReadOnlyList<int> Causes(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var present = new SortedSet<int>();
        foreach (int code in frame.StatusCodes) if (code != 0) present.Add(code);
        return present.ToArray();
    }

    /// <summary>Fits the model for <paramref name="cause"/>; the other nonzero codes are competing risks.</summary>
    /// <param name="frame">The model frame, its status read as causes.</param>
    /// <param name="cause">The cause of interest, one of <see cref="Causes"/>.</param>
    /// <param name="confLevel">Confidence level of the hazard-ratio intervals, in (0, 1).</param>
    /// <exception cref="DataInputException">The design does not suit the model (<see cref="CheckDesign"/>).</exception>
    /// <exception cref="InvalidOperationException">The information matrix is singular or the log-likelihood is not finite (a hard failure).</exception>
    public static FineGrayFit Fit(ModelFrame frame, int cause, double confLevel = 0.95)
    {
        CheckDesign(frame);
        return FineGray.Fit(frame.Time, frame.StatusCodes, cause, frame.Covariates, frame.CovariateCount,
                            new FineGrayOptions { ConfidenceLevel = confLevel });
    }
}
