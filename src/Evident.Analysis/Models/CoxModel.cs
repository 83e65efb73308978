using Evident.Data;
using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Analysis.Models;

/// <summary>
/// Cox models as <c>evident cox</c>, <c>evident zph</c> and the trial analysis fit them, with one singular-design policy
/// (R's <c>coxph.R</c> to <see cref="CoxRegression"/>'s <c>coxfit6.c</c>): a column whose Cholesky pivot vanishes is
/// aliased and reported as NA; a design in which nothing can be estimated is never a result.
/// </summary>
/// <remarks>
/// Failures: a singular design is the data's doing, so it is an input error from a model frame and an
/// <see cref="EstimateStatus"/> in a trial's comparisons; a non-finite information matrix is a hard failure
/// (<see cref="CoxConvergenceException"/>) in both; non-convergence is neither and is read from <see cref="CoxFit.Status"/>.
/// </remarks>
public static class CoxModel
{
    /// <summary>
    /// Fits the Cox model of a model frame. Equivalent to R's <c>coxph(formula, data, ties = ties, singular.ok = singularOk)</c>,
    /// except that a design whose every covariate is aliased is refused even with <paramref name="singularOk"/>.
    /// </summary>
    /// <param name="frame">The model frame: time (with entry times for <c>Surv(start, stop, event)</c>), status, design matrix, strata and clusters.</param>
    /// <param name="ties">Efron (R's default) or Breslow.</param>
    /// <param name="singularOk">Report aliased columns as NA instead of refusing the design.</param>
    /// <param name="confLevel">Confidence level of the hazard-ratio intervals, in (0, 1).</param>
    /// <exception cref="DataInputException">
    /// The formula has no covariate; no covariate can be estimated; or some cannot and <paramref name="singularOk"/> is false.
    /// The message names the file, the formula and the aliased columns.
    /// </exception>
    /// <exception cref="CoxConvergenceException">The information matrix is not finite.</exception>
    public static CoxFit Fit(ModelFrame frame, TieMethod ties, bool singularOk, double confLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.CovariateCount == 0)
            throw new DataInputException($"the formula '{frame.Formula.Text}' has no covariates: a Cox model needs at least one term besides strata() and cluster().");
        var fit = CoxRegression.FitCountingProcess(frame.Entry, frame.Time, frame.Event, frame.Covariates, frame.CovariateCount,
                                                   frame.Stratum, frame.Cluster, [], new CoxOptions { Ties = ties, ConfidenceLevel = confLevel });
        var aliased = AliasedColumns(fit);
        if (aliased.Count == fit.Terms.Count)
            throw new DataInputException($"{frame.Source}: singular design: no covariate of '{frame.Formula.Text}' can be estimated (each is constant or collinear).", frame.Source);
        if (aliased.Count > 0 && !singularOk)
        {
            var names = aliased.Select(j => $"'{ColumnName(frame.DesignColumns[j])}'").ToArray();
            throw new DataInputException(
                $"{frame.Source}: singular design: {string.Join(", ", names)} {(names.Length == 1 ? "is" : "are")} constant or a linear combination " +
                "of the other covariates, so the coefficients are not identifiable. Remove the column, or pass --singular-ok to report it as NA as R's coxph does.",
                frame.Source);
        }
        return fit;
    }

    /// <summary>
    /// The hazard ratio of treated (<paramref name="treated"/> = 1) against control (0) participants, stratified when
    /// <paramref name="stratum"/> is given: R's <c>coxph(Surv(time, status) ~ arm + strata(s))</c> for one comparison.
    /// </summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="isEvent">True for an event.</param>
    /// <param name="treated">1 for the experimental arm, 0 for control.</param>
    /// <param name="stratum">Stratum codes, or empty for none.</param>
    /// <param name="options">Ties and confidence level.</param>
    /// <returns>
    /// The coefficient with <see cref="EstimateStatus.Estimated"/>; or, with every field NaN, <see cref="EstimateStatus.NoParticipants"/>,
    /// <see cref="EstimateStatus.NoEvents"/>, or <see cref="EstimateStatus.Singular"/> when only one arm is present.
    /// </returns>
    /// <exception cref="CoxConvergenceException">The information matrix is not finite.</exception>
    public static HazardRatioEstimate HazardRatio(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> treated,
                                                  ReadOnlySpan<int> stratum, CoxOptions options)
    {
        if (time.IsEmpty) return new HazardRatioEstimate(NotEstimable, EstimateStatus.NoParticipants);
        if (!isEvent.Contains(true)) return new HazardRatioEstimate(NotEstimable, EstimateStatus.NoEvents);
        var fit = CoxRegression.Fit(time, isEvent, treated, 1, stratum, [], options);
        return new HazardRatioEstimate(fit.Terms[0], AliasedColumns(fit).Count == 0 ? EstimateStatus.Estimated : EstimateStatus.Singular);
    }

    /// <summary>
    /// The Grambsch–Therneau (1994) test of proportional hazards of a fit of <paramref name="frame"/>, per term and global
    /// (R: <c>cox.zph(fit, transform)</c>); a factor's dummy columns are tested together as one term.
    /// </summary>
    /// <param name="frame">The model frame the fit was made from.</param>
    /// <param name="fit">The fit (<see cref="Fit"/>).</param>
    /// <param name="transform">The time transform.</param>
    public static ZphResult TestProportionalHazards(ModelFrame frame, CoxFit fit, ZphTransform transform)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var termOfColumn = frame.DesignColumns.Select(c => c.TermIndex).ToArray();
        return ProportionalHazardsTest.ComputeCountingProcess(frame.Entry, frame.Time, frame.Event, frame.Covariates, frame.CovariateCount,
                                                              frame.Stratum, [], termOfColumn, frame.TermNames.Count, fit, transform);
    }

    /// <summary>
    /// The survival curves a fit of <paramref name="frame"/> predicts for covariate patterns (R's
    /// <c>survfit(fit, newdata = patterns)</c>; see <see cref="CoxSurvivalPrediction"/>).
    /// </summary>
    /// <param name="frame">The model frame the fit was made from.</param>
    /// <param name="fit">The fit (<see cref="Fit"/>).</param>
    /// <param name="patterns">The patterns, coded by <see cref="ModelFrame.CodePatterns"/> of the same frame.</param>
    /// <param name="type">Scale of the intervals.</param>
    /// <param name="level">Level of the intervals.</param>
    public static IReadOnlyList<CoxSurvivalCurve> PredictSurvival(ModelFrame frame, CoxFit fit, CovariatePatterns patterns, ConfidenceType type, double level)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(patterns);
        return CoxSurvivalPrediction.Predict(frame.Entry, frame.Time, frame.Event, frame.Covariates, frame.CovariateCount,
                                             frame.StratumCount > 1 ? frame.Stratum : [], fit, patterns.Covariates,
                                             frame.StratumCount > 1 ? patterns.Stratum : [], type, level);
    }

    /// <summary>
    /// Covariate-adjusted survival curves by direct standardisation over the model frame's rows, one per level of
    /// <paramref name="column"/>: the mean of the curves the fit predicts for every participant with
    /// <paramref name="column"/> set to the level (<see cref="CoxStandardizedSurvival"/>), with delta-method intervals.
    /// </summary>
    /// <param name="frame">The model frame the fit was made from, one row per participant.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="column">A variable of the formula's terms (the arm).</param>
    /// <param name="type">Scale of the intervals.</param>
    /// <param name="level">Level of the intervals.</param>
    /// <exception cref="DataInputException">Counting-process data (several rows per participant), or a column that is not a variable of the terms.</exception>
    public static IReadOnlyList<AdjustedSurvivalCurve> AdjustedSurvival(ModelFrame frame, CoxFit fit, string column, ConfidenceType type, double level)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(column);
        if (frame.IsCountingProcess)
        {
            throw new DataInputException(
                $"{frame.Source}: adjusted curves average over participants, one row each; counting-process data Surv(start, stop, event) have several rows per participant.",
                frame.Source, null, column, null, "Surv(time, status) data");
        }
        if (!frame.Formula.Terms.Any(t => t.Variables.Any(v => v.Column == column)))
        {
            throw new DataInputException($"{frame.Source}: cannot adjust by '{column}': it is not a variable of the terms of '{frame.Formula.Text}'.",
                                         frame.Source, null, column, null, "a variable of the formula's terms");
        }
        var stratum = frame.StratumCount > 1 ? frame.Stratum : [];
        var curves = new List<AdjustedSurvivalCurve>();
        foreach (string value in frame.LevelsOf(column))
        {
            var sample = frame.RowsWith(column, value);
            var curve = CoxStandardizedSurvival.Compute(frame.Entry, frame.Time, frame.Event, frame.Covariates, frame.CovariateCount, stratum, fit,
                                                        sample.Covariates, stratum, type, level);
            curves.Add(new AdjustedSurvivalCurve(value, sample.Count, curve));
        }
        return curves.AsReadOnly();
    }

    /// <summary>The design columns whose coefficients are aliased (NaN), in column order.</summary>
    /// <param name="fit">A fit.</param>
    public static IReadOnlyList<int> AliasedColumns(CoxFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Enumerable.Range(0, fit.Terms.Count).Where(j => double.IsNaN(fit.Terms[j].Estimate)).ToArray();
    }

    /// <summary>A design column as R names it in messages: <c>age</c> or <c>celltype = large</c>.</summary>
    /// <param name="column">The column.</param>
    public static string ColumnName(DesignColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Level is null ? column.Term : $"{column.Term} = {column.Level}";
    }

    internal static readonly CoxCoefficient NotEstimable = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false);
}
