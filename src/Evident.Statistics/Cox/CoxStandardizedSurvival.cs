using Evident.Statistics.Internal;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Cox;

/// <summary>
/// Covariate-adjusted survival by direct standardisation (the g-formula; Makuch 1982, Zhang et al. 2007): the mean of
/// the curves a fitted Cox model predicts for every member of a sample, each with the covariate of interest set to one
/// value. The point estimate equals the mean of R's <c>survfit(fit, newdata = sample)$surv</c> over the sample's columns.
/// </summary>
/// <remarks>
/// <para>
/// S̄(t) = (1/n) Σᵢ exp(−ρᵢ Λ₀ₛ₍ᵢ₎(t)), each member in its own stratum s(i), at every distinct stop time of the data (a
/// stratum's curve is constant between its own times). Delta method, the sample's covariates held fixed (the variance
/// conditional on them) and Λ̂₀ at fixed β independent of β̂ as in the Tsiatis (1981) variance of one curve:
/// </para>
/// <para>
/// Var S̄(t) = Σₛ wₛ(t)² V₀ₛ(t) + hᵀ V h,  wₛ = (1/n) Σ_{i∈s} Sᵢ ρᵢ,  h = (1/n) Σᵢ Sᵢ ρᵢ gᵢ,  gᵢ = zᵢ Λ₀ₛ(t) − Aₛ(t)
/// </para>
/// <para>
/// with V₀, A as in <see cref="CoxSurvivalPrediction"/> and V the fit's (robust with clusters) variance. For a sample
/// whose members share one pattern it is that pattern's <c>survfit</c> standard error exactly. Intervals use
/// se(−log S̄) = se(S̄)/S̄ on the chosen scale.
/// </para>
/// </remarks>
public static class CoxStandardizedSurvival
{
    /// <summary>
    /// The standardised curve over <paramref name="sample"/>. Data, fit and argument checks as
    /// <see cref="CoxSurvivalPrediction.Predict"/>; <paramref name="sample"/> holds the members' design rows with the
    /// covariate of interest already set, <paramref name="sampleStratum"/> their strata. Cost O(n·p) per time plus
    /// O(p²) per time.
    /// </summary>
    /// <param name="entry">Entry time per row for counting-process data, or empty.</param>
    /// <param name="time">Stop time per row.</param>
    /// <param name="isEvent">Event indicator per row.</param>
    /// <param name="covariates">Row-major n × p design of the fit.</param>
    /// <param name="covariateCount">p.</param>
    /// <param name="stratum">Stratum code per row, or empty.</param>
    /// <param name="fit">The fit of these data.</param>
    /// <param name="sample">Row-major m × p design rows to average over, finite.</param>
    /// <param name="sampleStratum">Stratum code per sample row, or empty without strata.</param>
    /// <param name="confidenceType">Scale of the intervals.</param>
    /// <param name="confidenceLevel">Level of the intervals, in (0, 1).</param>
    public static StandardizedSurvivalCurve Compute(ReadOnlySpan<double> entry, ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent,
                                                    ReadOnlySpan<double> covariates, int covariateCount, ReadOnlySpan<int> stratum,
                                                    CoxFit fit, ReadOnlySpan<double> sample, ReadOnlySpan<int> sampleStratum,
                                                    ConfidenceType confidenceType, double confidenceLevel)
    {
        int strata = CoxSurvivalPrediction.CheckArguments(entry, time, isEvent, covariates, covariateCount, stratum, fit, sample, sampleStratum,
                                                          confidenceType, confidenceLevel);
        int p = covariateCount, m = sample.Length / p;
        var model = new FittedRisk(covariates, p, fit);
        var rowsOf = CoxSurvivalPrediction.RowsByStratum(stratum, strata, time.Length);
        var risk = model.Risk(covariates);
        var baselines = new CoxBaselineHazard[strata];
        for (int s = 0; s < strata; s++) baselines[s] = CoxBaselineHazard.Compute(rowsOf[s], entry, time, isEvent, covariates, risk, p, fit.Ties);
        var members = new Members(sample.ToArray(), model.Risk(sample), sampleStratum.IsEmpty ? new int[m] : sampleStratum.ToArray(), p);
        double[] grid = baselines.SelectMany(b => b.Times).Distinct().Order().ToArray();
        return Average(baselines, members, grid, (fit.RobustVariance ?? fit.Variance).ToArray(), confidenceType, confidenceLevel);
    }

    private sealed record Members(double[] X, double[] Risk, int[] Stratum, int P);

    private static StandardizedSurvivalCurve Average(CoxBaselineHazard[] baselines, Members members, double[] grid, double[] variance,
                                                     ConfidenceType type, double level)
    {
        int p = members.P, m = members.Risk.Length, strata = baselines.Length;
        double z = NormalTail.CriticalValue(level);
        var survival = new double[grid.Length];
        var se = new double[grid.Length];
        var low = new double[grid.Length];
        var high = new double[grid.Length];
        var at = new int[strata];             // per stratum: index of its last time ≤ t, −1 before its first
        Array.Fill(at, -1);
        var w = new double[strata];
        var h = new double[p];
        var weightedX = new double[p];
        for (int g = 0; g < grid.Length; g++)
        {
            double t = grid[g];
            for (int s = 0; s < strata; s++)
                while (at[s] + 1 < baselines[s].Times.Length && baselines[s].Times[at[s] + 1] <= t) at[s]++;
            Array.Clear(w);
            Array.Clear(h);
            double sum = 0;
            for (int i = 0; i < m; i++)
            {
                int s = members.Stratum[i];
                double h0 = at[s] < 0 ? 0 : baselines[s].CumulativeHazard[at[s]];
                double si = Math.Exp(-members.Risk[i] * h0);
                double sr = si * members.Risk[i];
                sum += si;
                w[s] += sr;
                for (int j = 0; j < p; j++) h[j] += sr * members.X[i * p + j] * h0;
            }
            double v0 = 0;
            for (int s = 0; s < strata; s++)
            {
                if (at[s] < 0) continue;
                var b = baselines[s];
                v0 += w[s] * w[s] * b.CumulativeVariance[at[s]];
                for (int j = 0; j < p; j++) h[j] -= w[s] * b.CumulativeMean[at[s] * p + j];
            }
            for (int j = 0; j < p; j++) weightedX[j] = h[j] / m;
            survival[g] = sum / m;
            se[g] = Math.Sqrt(v0 / ((double)m * m) + CoxSurvivalPrediction.QuadraticForm(variance, weightedX));
            (low[g], high[g]) = PointwiseConfidence.Limits(survival[g], se[g] / survival[g], type, z);
        }
        return new StandardizedSurvivalCurve
        {
            Times = Array.AsReadOnly(grid),
            Survival = Array.AsReadOnly(survival),
            StdError = Array.AsReadOnly(se),
            ConfLow = Array.AsReadOnly(low),
            ConfHigh = Array.AsReadOnly(high),
            ConfidenceType = type,
            ConfidenceLevel = level,
        };
    }
}
