using Evident.Statistics.Internal;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Milestone;

/// <summary>
/// Comparison of Kaplan–Meier survival between arms at a fixed milestone time t ("3-year disease-free survival"),
/// following Klein, Logan, Harhoff &amp; Andersen (2007), <i>Analyzing survival curves at a fixed point in time</i>,
/// Statistics in Medicine 26:4505–4519.
/// </summary>
/// <remarks>
/// <para>
/// Contract: each arm is a <see cref="KaplanMeierCurve"/> (the estimates are read from it, never recomputed);
/// Ŝ = Ŝ(t), se = Greenwood se of Ŝ, σ = se/Ŝ = se of −log Ŝ = sqrt(Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ))); z = Φ⁻¹(1 − α/2).
/// Arm 1 is compared with reference arm 0:
/// </para>
/// <list type="bullet">
/// <item>Difference D = Ŝ₁ − Ŝ₀, SE = sqrt(se₁² + se₀²), interval D ± z·SE (linear scale).</item>
/// <item>
/// Survival ratio Ŝ₁/Ŝ₀ by the delta method on the log scale: Var(log Ŝ) = σ², interval
/// exp(log Ŝ₁ − log Ŝ₀ ± z·sqrt(σ₁² + σ₀²)). Undefined (NaN) when either Ŝ is 0.
/// </item>
/// <item>
/// Complementary log-log scale: θ = log(−log Ŝ₁) − log(−log Ŝ₀), Var(log(−log Ŝ)) = σ²/(log Ŝ)², so the ratio of
/// cumulative hazards Λ̂₁/Λ̂₀ = log Ŝ₁/log Ŝ₀ = exp(θ) has interval exp(θ ± z·sqrt(σ₁²/log²Ŝ₁ + σ₀²/log²Ŝ₀)).
/// Under proportional hazards it estimates the hazard ratio. Undefined when either Ŝ is 0 or 1.
/// </item>
/// </list>
/// <para>
/// Each contrast's Z tests equal survival at t on its scale (Klein et al. recommend the log-log and arcsine-root
/// scales over the linear one for small samples). R: <c>s &lt;- summary(survfit(Surv(time, status) ~ arm), times = t,
/// extend = TRUE)</c>, then the formulas above on <c>s$surv</c> and <c>s$std.err</c>; agrees with R survival 3.5 to
/// 10 significant digits on the lung, veteran and aml cases in <c>tests/fixtures/milestone-safety</c>.
/// </para>
/// </remarks>
public static class MilestoneSurvival
{
    /// <summary>The curve at the milestone: R's <c>summary(fit, times = t, extend = TRUE)</c>.</summary>
    /// <param name="curve">A Kaplan–Meier curve.</param>
    /// <param name="time">The milestone, finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is NaN, infinite or negative.</exception>
    public static MilestoneEstimate Estimate(KaplanMeierCurve curve, double time)
    {
        ArgumentNullException.ThrowIfNull(curve);
        CheckTime(time);
        var p = curve.At(time);
        return new MilestoneEstimate(time, curve.N, p.AtRisk, p.Events, p.Survival, p.StdError, p.Lower, p.Upper);
    }

    /// <summary>Compares <paramref name="arm"/> with <paramref name="reference"/> at <paramref name="time"/>.</summary>
    /// <param name="arm">The compared arm's curve (e.g. experimental).</param>
    /// <param name="reference">The reference arm's curve (e.g. control).</param>
    /// <param name="time">The milestone, finite and ≥ 0.</param>
    /// <param name="confLevel">Level of the intervals, 0 &lt; level &lt; 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is NaN, infinite or negative; the level is outside (0, 1).</exception>
    public static MilestoneComparison Compare(KaplanMeierCurve arm, KaplanMeierCurve reference, double time, double confLevel = 0.95)
    {
        double z = NormalTail.CriticalValue(confLevel);
        var e1 = Estimate(arm, time);
        var e0 = Estimate(reference, time);

        double difference = e1.Survival - e0.Survival;
        double seDifference = Math.Sqrt(e1.StdError * e1.StdError + e0.StdError * e0.StdError);
        var linear = Contrast(difference, difference, seDifference, "identity", confLevel, z, x => x);

        double s1 = SigmaOf(e1), s0 = SigmaOf(e0);
        bool positive = e1.Survival > 0 && e0.Survival > 0;
        double logRatio = positive ? Math.Log(e1.Survival) - Math.Log(e0.Survival) : double.NaN;
        double seLogRatio = positive ? Math.Sqrt(s1 * s1 + s0 * s0) : double.NaN;
        var ratio = Contrast(positive ? e1.Survival / e0.Survival : double.NaN, logRatio, seLogRatio, "log", confLevel, z, Math.Exp);

        bool inside = positive && e1.Survival < 1 && e0.Survival < 1;
        double log1 = Math.Log(e1.Survival), log0 = Math.Log(e0.Survival);
        double theta = inside ? Math.Log(-log1) - Math.Log(-log0) : double.NaN;
        double seTheta = inside ? Math.Sqrt(s1 * s1 / (log1 * log1) + s0 * s0 / (log0 * log0)) : double.NaN;
        var hazards = Contrast(inside ? log1 / log0 : double.NaN, theta, seTheta, "cloglog", confLevel, z, Math.Exp);

        return new MilestoneComparison(time, e1, e0, linear, ratio, hazards);
    }

    /// <summary>
    /// The stratum-weighted difference Σwₖ·Dₖ/Σwₖ of per-stratum comparisons (see <see cref="MilestoneWeighting"/>).
    /// Strata in which either arm has no participants are left out (weight 0).
    /// </summary>
    /// <param name="strata">One comparison per stratum, all at the same time; Dₖ and Var(Dₖ) are their <see cref="MilestoneComparison.Difference"/>.</param>
    /// <param name="weighting">Inverse-variance or sample-size (Cochran–Mantel–Haenszel) weights.</param>
    /// <param name="confLevel">Level of the interval, 0 &lt; level &lt; 1.</param>
    /// <returns>The weighted difference; NaN throughout when no stratum has both arms, or (inverse variance) a used stratum has Var(Dₖ) = 0.</returns>
    /// <exception cref="ArgumentException">The list is empty or the comparisons are at different times.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown weighting; the level is outside (0, 1).</exception>
    public static StratifiedMilestoneDifference StratifiedDifference(IReadOnlyList<MilestoneComparison> strata, MilestoneWeighting weighting,
                                                                     double confLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(strata);
        double z = NormalTail.CriticalValue(confLevel);
        Preconditions.CheckNotEmpty(strata.Count, nameof(strata));
        if (weighting is not (MilestoneWeighting.InverseVariance or MilestoneWeighting.SampleSize))
            throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Unknown weighting.");

        var weights = new double[strata.Count];
        double sumW = 0, sumWD = 0, sumW2V = 0;
        for (int k = 0; k < strata.Count; k++)
        {
            var c = strata[k];
            ArgumentNullException.ThrowIfNull(c, nameof(strata));
            if (c.Time != strata[0].Time)
                throw new ArgumentException($"strata[{k}] is at time {c.Time}, strata[0] at {strata[0].Time}: comparisons must share the milestone.", nameof(strata));
            if (c.Arm.N == 0 || c.Reference.N == 0) continue;
            double variance = c.Difference.StdError * c.Difference.StdError;
            double w = weighting == MilestoneWeighting.InverseVariance
                ? 1 / variance
                : (double)c.Arm.N * c.Reference.N / (c.Arm.N + c.Reference.N);
            weights[k] = w;
            sumW += w;
            sumWD += w * c.Difference.Estimate;
            sumW2V += w * w * variance;
        }
        double difference = sumWD / sumW;
        double se = weighting == MilestoneWeighting.InverseVariance ? 1 / Math.Sqrt(sumW) : Math.Sqrt(sumW2V) / sumW;
        if (sumW == 0 || double.IsInfinity(sumW)) difference = se = double.NaN;
        for (int k = 0; k < weights.Length; k++) weights[k] = double.IsNaN(difference) ? double.NaN : weights[k] / sumW;
        double zStat = se > 0 ? difference / se : double.NaN;
        return new StratifiedMilestoneDifference(weighting, difference, se, confLevel, difference - z * se, difference + z * se,
                                                 zStat, NormalTail.TwoSidedP(zStat), Array.AsReadOnly(weights));
    }

    /// <summary>σ = se(−log Ŝ) recovered from the Greenwood se of Ŝ; 0 before the first event.</summary>
    private static double SigmaOf(MilestoneEstimate e) => e.StdError == 0 ? 0 : e.StdError / e.Survival;

    private static MilestoneContrast Contrast(double estimate, double transformed, double se, string scale, double level, double z,
                                              Func<double, double> back)
    {
        double zStat = se > 0 ? transformed / se : double.NaN;
        return new MilestoneContrast(estimate, se, scale, level, back(transformed - z * se), back(transformed + z * se), zStat,
                                     NormalTail.TwoSidedP(zStat));
    }

    private static void CheckTime(double time)
    {
        if (!(time >= 0) || double.IsPositiveInfinity(time))
            throw new ArgumentOutOfRangeException(nameof(time), time, "time must be a finite number ≥ 0.");
    }
}
