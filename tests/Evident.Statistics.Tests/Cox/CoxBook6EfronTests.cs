using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>
/// The six-row textbook case (Therneau &amp; Grambsch, appendix; survival's tests/book1.R; fixtures book6.csv) with
/// Efron ties, computed by hand — the companion of <see cref="CoxRegressionTests.Book6BreslowMatchesTheHandComputation"/>.
/// </summary>
public class CoxBook6EfronTests
{
    // Rows (time, status, x): (1,1,1) (1,0,1) (6,1,1) (6,1,0) (8,0,0) (9,1,0). Write r = e^β.
    //
    // t = 1: risk set x = 1,1,1,0,0,0, one death (x = 1); S0 = 3r + 3, S1 = S2 = 3r.
    //        At β = 0: mean 1/2, U += 1 − 1/2 = 1/2, I += 1/2 − 1/4 = 1/4.
    // t = 6: risk set x = 1,0,0,0, two tied deaths (x = 1 and x = 0; their weights r + 1, their S1 = r).
    //        Efron's k-th denominator removes k/2 of the tied deaths (k = 0, 1):
    //        k = 0: S0 = r + 3,            S1 = S2 = r    → at 0: mean 1/4, variance 1/4 − 1/16 = 3/16;
    //        k = 1: S0 = r + 3 − (r+1)/2,   S1 = S2 = r/2  → at 0: S0 = 3, mean 1/6, variance 1/6 − 1/36 = 5/36.
    //        U += 1 − 1/4 − 1/6 = 7/12, I += 3/16 + 5/36 = 47/144.
    // t = 8: censored. t = 9: one death alone at risk (x = 0): U += 0, I += 0.
    //
    // U(0) = 1/2 + 7/12 = 13/12, I(0) = 1/4 + 47/144 = 83/144: first Newton step I⁻¹U = 156/83 (Breslow: 8/5, because
    // there both deaths at t = 6 see S0 = 4, giving I(0) = 1/4 + 2·3/16 = 5/8 and U(0) = 1), score test U²/I = 169/83.
    //
    // The whole likelihood: L(β) = r/(3r + 3) · r/(r + 3) · 2/(r + 5), so ℓ(0) = −log 72 and
    // U(β) = 2 − r/(r+1) − r/(r+3) − r/(r+5) = Σ_{c=1,3,5} c/(r+c) − 1; U = 0 ⇔ r³ − 23r − 30 = 0, whose one positive root
    // is r̂ = 2√(23/3)·cos(⅓·arccos((45/23)·√(3/23))) ≈ 5.3487, β̂ = log r̂; I(β) = Σ_{c=1,3,5} c·r/(r+c)².
    // R (book6-cox-efron.json): β̂ = 1.6768574855882, se 1.27761557627803, ℓ = −3.35897484026335, score 2.03614457831325.

    private static void Rel(double expected, double actual, double rel)
        => Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected), $"expected {expected:R}, actual {actual:R}");

    private static readonly double RHat = 2 * Math.Sqrt(23.0 / 3) * Math.Cos(Math.Acos(45.0 / 23 * Math.Sqrt(3.0 / 23)) / 3);

    [Fact]
    public void FirstNewtonStepAndScoreTestAtZero()
    {
        var fit = CoxCaseData.Book6().Fit(new CoxOptions { Ties = TieMethod.Efron });
        Rel(156.0 / 83.0, fit.FirstStep[0], 1e-14);
        Rel(169.0 / 83.0, fit.Score.Statistic, 1e-14);
        Rel(-Math.Log(72), fit.LogLikelihoodNull, 1e-14);
    }

    [Fact]
    public void EstimateSolvesTheCubicScoreEquation()
    {
        Assert.Equal(0, RHat * RHat * RHat - 23 * RHat - 30, 1e-10);
        var fit = CoxCaseData.Book6().Fit(new CoxOptions { Ties = TieMethod.Efron });
        Assert.Equal(ConvergenceStatus.Converged, fit.Status);
        Rel(Math.Log(RHat), fit.Coefficients[0], 1e-9);
        double information = 0;
        foreach (double c in new[] { 1.0, 3, 5 }) information += c * RHat / ((RHat + c) * (RHat + c));
        Rel(1 / Math.Sqrt(information), fit.Terms[0].StdError, 1e-8);
        Rel(Math.Log(RHat / (3 * RHat + 3)) + Math.Log(RHat / (RHat + 3)) + Math.Log(2 / (RHat + 5)), fit.LogLikelihood, 1e-12);
    }
}
