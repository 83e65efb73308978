using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Analysis.Plan;

/// <summary>
/// The likelihood-ratio test of arm × subgroup in one Cox model, as R's <c>anova(coxph(Surv ~ arm * by + strata(s)))</c>
/// gives it for the interaction row: 2·(ℓ(arm * by) − ℓ(arm + by)) on the number of estimable interaction coefficients.
/// </summary>
internal static class InteractionTest
{
    /// <summary>
    /// The test among the two arms' participants with a known level, with
    /// <paramref name="level"/> each row's level code 0..L−1 (treatment contrasts, level 0 the reference) and
    /// <paramref name="treated"/> 1 for the compared arm; null when there is no event or no interaction can be estimated.
    /// </summary>
    public static ChiSquareTest? Run(double[] time, bool[] isEvent, int[] treated, int[] level, int levels, int[] stratum, CoxOptions options)
    {
        if (time.Length == 0 || !isEvent.Contains(true) || levels < 2) return null;
        int main = 1 + (levels - 1);
        var additive = Design(treated, level, levels, interactions: false);
        var full = Design(treated, level, levels, interactions: true);
        var reduced = CoxRegression.Fit(time, isEvent, additive, main, stratum, [], options);
        var fit = CoxRegression.Fit(time, isEvent, full, main + levels - 1, stratum, [], options);
        int df = fit.Terms.Skip(main).Count(t => !double.IsNaN(t.Estimate));
        return df == 0 ? null : ChiSquareTest.FromStatistic(2 * (fit.LogLikelihood - reduced.LogLikelihood), df);
    }

    /// <summary>Row-major design: arm, the level dummies 1..L−1, and with interactions arm × each level dummy.</summary>
    private static double[] Design(int[] treated, int[] level, int levels, bool interactions)
    {
        int p = levels + (interactions ? levels - 1 : 0);
        var x = new double[treated.Length * p];
        for (int i = 0; i < treated.Length; i++)
        {
            x[i * p] = treated[i];
            if (level[i] == 0) continue;
            x[i * p + level[i]] = 1;
            if (interactions) x[i * p + levels - 1 + level[i]] = treated[i];
        }
        return x;
    }
}
