using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>Hand-computed cases, invariances and the failure contract of <see cref="CoxRegression"/>.</summary>
public class CoxRegressionTests
{
    private static readonly CoxOptions Breslow = new() { Ties = TieMethod.Breslow };

    private static void Rel(double expected, double actual, double rel)
        => Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected), $"expected {expected:R}, actual {actual:R}");

    [Fact]
    public void Book6BreslowMatchesTheHandComputation()
    {
        // Therneau & Grambsch appendix (survival tests/book1.R): β̂ = log((3 + √33)/2), first Newton step 8/5,
        // score test U(0)²/I(0) = 1.6.
        var fit = CoxCaseData.Book6().Fit(Breslow);
        Rel(Math.Log((3 + Math.Sqrt(33)) / 2), fit.Coefficients[0], 1e-10);
        Rel(8.0 / 5.0, fit.FirstStep[0], 1e-14);
        Rel(1.6, fit.Score.Statistic, 1e-14);
        Assert.Equal(ConvergenceStatus.Converged, fit.Status);
        Assert.InRange(fit.Iterations, 2, 6);
    }

    [Fact]
    public void RowOrderDoesNotMatter()
    {
        var d = CoxCaseData.Lung(strataCluster: true);
        var perm = Enumerable.Range(0, d.N).OrderBy(i => (i * 7919L + 13) % d.N).ToArray();
        var shuffled = new CoxCaseData(perm.Select(i => d.Time[i]).ToArray(), perm.Select(i => d.IsEvent[i]).ToArray(),
            perm.SelectMany(i => d.X.Skip(i * d.P).Take(d.P)).ToArray(), d.P, perm.Select(i => d.Stratum[i]).ToArray(),
            perm.Select(i => d.Cluster[i]).ToArray());
        var a = d.Fit();
        var b = shuffled.Fit();
        for (int j = 0; j < d.P; j++)
        {
            Rel(a.Coefficients[j], b.Coefficients[j], 1e-10);
            Rel(a.Terms[j].RobustStdError, b.Terms[j].RobustStdError, 1e-10);
        }
        Rel(a.LogLikelihood, b.LogLikelihood, 1e-12);
        Rel(a.RobustScore!.Statistic, b.RobustScore!.Statistic, 1e-10);
        Rel(a.Concordance, b.Concordance, 1e-14);
    }

    [Fact]
    public void StratumAndClusterLabelsDoNotMatter()
    {
        // Strata 0..3 relabelled 7,5,3,1 (codes need not be contiguous) and clusters renumbered.
        var d = CoxCaseData.Lung(strataCluster: true);
        var relabelled = d with { Stratum = d.Stratum.Select(s => 7 - 2 * s).ToArray(), Cluster = d.Cluster.Select(c => 1000 - 3 * c).ToArray() };
        var a = d.Fit();
        var b = relabelled.Fit();
        for (int j = 0; j < d.P; j++)
        {
            Rel(a.Coefficients[j], b.Coefficients[j], 1e-12);
            Rel(a.Terms[j].RobustStdError, b.Terms[j].RobustStdError, 1e-12);
        }
        Rel(a.RobustScore!.Statistic, b.RobustScore!.Statistic, 1e-12);
        Rel(a.Concordance, b.Concordance, 1e-14);
    }

    [Fact]
    public void RescalingTimeLeavesTheFitUnchanged()
    {
        var d = CoxCaseData.Lung();
        var a = d.Fit();
        var b = (d with { Time = d.Time.Select(t => t * 2.5).ToArray() }).Fit();
        for (int j = 0; j < d.P; j++)
        {
            Rel(a.Coefficients[j], b.Coefficients[j], 1e-12);
            Rel(a.Terms[j].StdError, b.Terms[j].StdError, 1e-12);
        }
        Rel(a.LogLikelihood, b.LogLikelihood, 1e-13);
        Assert.Equal(a.Concordance, b.Concordance);
    }

    [Fact]
    public void DuplicatingEveryRowDoublesTheInformation()
    {
        // Breslow: duplicates share the risk set exactly, so ℓ, U and I all double (Efron would re-split the new ties).
        var d = CoxCaseData.Lung();
        var doubled = new CoxCaseData(d.Time.Concat(d.Time).ToArray(), d.IsEvent.Concat(d.IsEvent).ToArray(),
                                      d.X.Concat(d.X).ToArray(), d.P, [], []);
        var a = d.Fit(Breslow);
        var b = doubled.Fit(Breslow);
        for (int i = 0; i < d.P; i++)
        {
            Rel(a.Coefficients[i], b.Coefficients[i], 1e-9);
            for (int j = 0; j < d.P; j++) Rel(a.Variance[i, j] / 2, b.Variance[i, j], 1e-8);
        }
        // Each doubled risk set has twice the denominator: ℓ₂ = 2ℓ − 2·d·log 2.
        Rel(2 * a.LogLikelihood - 2 * a.Events * Math.Log(2), b.LogLikelihood, 1e-12);

        // Case weight 2 is the same as two copies of the row.
        var w2 = CoxRegression.Fit(d.Time, d.IsEvent, d.X, d.P, [], [], Enumerable.Repeat(2.0, d.N).ToArray(), Breslow);
        for (int i = 0; i < d.P; i++) Rel(b.Terms[i].StdError, w2.Terms[i].StdError, 1e-9);
        Rel(b.LogLikelihood, w2.LogLikelihood, 1e-12);
    }

    [Fact]
    public void UnitWeightsAreNoWeights()
    {
        var d = CoxCaseData.Lung(strataCluster: true);
        var a = d.Fit();
        var b = CoxRegression.Fit(d.Time, d.IsEvent, d.X, d.P, d.Stratum, d.Cluster, Enumerable.Repeat(1.0, d.N).ToArray());
        Assert.Equal(a.Coefficients, b.Coefficients);
        Assert.Equal(a.Terms, b.Terms);
        Assert.Equal(a.RobustScore, b.RobustScore);
        Assert.Equal(a.Concordance, b.Concordance);
    }

    [Fact]
    public void ConstantCovariateIsAliasedNotFatal()
    {
        var d = CoxCaseData.Lung();
        var x = new double[d.N * 4];
        for (int i = 0; i < d.N; i++)
        {
            for (int j = 0; j < 3; j++) x[i * 4 + j] = d.X[i * 3 + j];
            x[i * 4 + 3] = 5;
        }
        var reference = d.Fit();
        var fit = CoxRegression.Fit(d.Time, d.IsEvent, x, 4, [], []);
        Assert.True(double.IsNaN(fit.Coefficients[3]));
        Assert.True(double.IsNaN(fit.Terms[3].StdError));
        Assert.Equal(0.0, fit.Variance[3, 3]);
        Assert.Equal(3, fit.LikelihoodRatio.DegreesOfFreedom);
        Assert.Equal(3, fit.Wald.DegreesOfFreedom);
        for (int j = 0; j < 3; j++) Rel(reference.Coefficients[j], fit.Coefficients[j], 1e-12);
        Rel(reference.Score.Statistic, fit.Score.Statistic, 1e-12);
    }

    [Fact]
    public void CollinearCovariateIsAliased()
    {
        var d = CoxCaseData.Lung();
        var x = new double[d.N * 4];
        for (int i = 0; i < d.N; i++)
        {
            for (int j = 0; j < 3; j++) x[i * 4 + j] = d.X[i * 3 + j];
            x[i * 4 + 3] = 2 * d.X[i * 3] - d.X[i * 3 + 1];   // 2·age − sex
        }
        var fit = CoxRegression.Fit(d.Time, d.IsEvent, x, 4, [], []);
        Assert.True(double.IsNaN(fit.Coefficients[3]));
        Assert.Equal(3, fit.LikelihoodRatio.DegreesOfFreedom);
        Rel(d.Fit().LogLikelihood, fit.LogLikelihood, 1e-12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1.0)]
    public void NonFiniteOrNegativeTimeIsRejected(double bad)
    {
        double[] time = [1, 2, bad, 4];
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CoxRegression.Fit(time, [true, true, false, true], [0, 1, 0, 1], 1, [], []));
        Assert.Contains("time[2]", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteCovariateIsRejected(double bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CoxRegression.Fit([1, 2, 3, 4], [true, true, false, true], [0, 1, bad, 1], 1, [], []));
        Assert.Contains("row 2", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidWeightIsRejected(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CoxRegression.Fit([1, 2, 3, 4], [true, true, false, true], [0, 1, 0, 1], 1, [], [], [1, bad, 1, 1]));
    }

    [Fact]
    public void EmptyInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit([], [], [], 1, [], []));
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit([1, 2], [true], [0, 1], 1, [], []));
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit([1, 2], [true, false], [0, 1, 2], 1, [], []));
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit([1, 2], [true, false], [0, 1], 1, [0], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoxRegression.Fit([1, 2], [true, false], [0, 1], 0, [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoxRegression.Fit([1, 2], [true, false], [0, 1], 1, [0, -1], []));
    }

    [Fact]
    public void AllCensoredSaysNoEvents()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            CoxRegression.Fit([1, 2, 3], [false, false, false], [0, 1, 0], 1, [], []));
        Assert.Contains("no events", ex.Message);
    }

    [Fact]
    public void OneRowGivesAnAliasedCoefficient()
    {
        var fit = CoxRegression.Fit([5.0], [true], [1.0], 1, [], []);
        Assert.Equal(1, fit.N);
        Assert.Equal(1, fit.Events);
        Assert.True(double.IsNaN(fit.Coefficients[0]));
        Assert.Equal(0.0, fit.LogLikelihood);
        Assert.Equal(0, fit.LikelihoodRatio.DegreesOfFreedom);
        Assert.True(double.IsNaN(fit.Concordance));
        Assert.Equal(ConvergenceStatus.Converged, fit.Status);
    }

    [Fact]
    public void AllTiedTimesGiveZeroEffectAndTheClosedFormLikelihood()
    {
        // Every row dies at t = 3: U(0) = 0, so β̂ = 0; ℓ = −n log n (Breslow) and −log n! (Efron).
        double[] time = [3, 3, 3, 3, 3];
        bool[] ev = [true, true, true, true, true];
        double[] x = [0, 1, 1, 0, 1];
        var breslow = CoxRegression.Fit(time, ev, x, 1, [], [], Breslow);
        var efron = CoxRegression.Fit(time, ev, x, 1, [], []);
        Assert.Equal(0.0, breslow.Coefficients[0], 12);
        Assert.Equal(0.0, efron.Coefficients[0], 12);
        Rel(-5 * Math.Log(5), breslow.LogLikelihood, 1e-14);
        Rel(-Math.Log(120), efron.LogLikelihood, 1e-14);
        Assert.Equal(0.0, breslow.Score.Statistic, 14);
        Assert.True(double.IsNaN(breslow.Concordance));   // no comparable pairs
    }

    [Fact]
    public void PerfectSeparationIsReportedNotThrown()
    {
        // The three x = 1 rows die first: the likelihood increases without bound as β → ∞ (R warns).
        var fit = CoxRegression.Fit([1, 2, 3, 4, 5, 6], [true, true, true, true, true, true], [1, 1, 1, 0, 0, 0], 1, [], []);
        Assert.True(fit.Coefficients[0] > 5, $"β = {fit.Coefficients[0]}");
        Assert.True(fit.Status != ConvergenceStatus.Converged || fit.Terms[0].MayBeInfinite);
        // 9 concordant pairs (x = 1 before x = 0) and 6 tied in x out of 15: (9 + 6/2)/15.
        Assert.Equal(0.8, fit.Concordance, 14);
    }

    [Fact]
    public void IterationLimitIsReported()
    {
        var fit = CoxCaseData.Lung().Fit(new CoxOptions { MaxIterations = 1 });
        Assert.Equal(ConvergenceStatus.MaxIterations, fit.Status);
        Assert.Equal(1, fit.Iterations);
        Assert.True(fit.LogLikelihood > fit.LogLikelihoodNull);
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        var d = CoxCaseData.Book6();
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Fit(new CoxOptions { MaxIterations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Fit(new CoxOptions { Tolerance = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Fit(new CoxOptions { TolerancePivot = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Fit(new CoxOptions { ConfidenceLevel = 1 }));
    }

    [Fact]
    public void ConfidenceLevelChangesOnlyTheInterval()
    {
        var d = CoxCaseData.Book6();
        var fit = d.Fit(new CoxOptions { Ties = TieMethod.Breslow, ConfidenceLevel = 0.9 });
        var t = fit.Terms[0];
        Rel(Math.Exp(t.Estimate - 1.6448536269514722 * t.StdError), t.ConfLow, 1e-12);
        Rel(Math.Exp(t.Estimate + 1.6448536269514722 * t.StdError), t.ConfHigh, 1e-12);
    }
}
