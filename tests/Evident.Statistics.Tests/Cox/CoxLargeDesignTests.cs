using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.Cox;

/// <summary>
/// The paths a Cox fit takes only on large designs: the two-pass gather into sorted order, strata evaluated in
/// parallel, risk scores computed block by block, the concordance counted in integers.
/// </summary>
public class CoxLargeDesignTests
{
    /// <summary>n rows, p covariates (a continuous one, a binary one, a rounded one: ties in η), times with ties, 4 strata.</summary>
    private static (double[] Time, bool[] IsEvent, double[] X, int[] Stratum) Data(int n, int p, int seed)
    {
        var random = new Random(seed);
        var time = new double[n];
        var isEvent = new bool[n];
        var x = new double[n * p];
        var stratum = new int[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
                x[i * p + j] = (j % 3) switch { 0 => random.NextDouble() * 2 - 1, 1 => random.Next(2), _ => Math.Round(random.NextDouble() * 4) };
            double hazard = Math.Exp(0.5 * x[i * p] - 0.3 * x[i * p + 1]);
            time[i] = Math.Round(-Math.Log(1 - random.NextDouble()) / hazard, 2);   // ties within and across strata
            isEvent[i] = random.NextDouble() < 0.4;
            stratum[i] = random.Next(4);
        }
        return (time, isEvent, x, stratum);
    }

    [Fact]
    public void TwoFitsOfALargeDesignAreBitIdentical()
    {
        // 300,000 rows: several gather blocks and buckets, strata evaluated in parallel, many risk-score blocks.
        var (time, isEvent, x, stratum) = Data(300_000, 5, 17);
        var a = CoxRegression.Fit(time, isEvent, x, 5, stratum, []);
        var b = CoxRegression.Fit(time, isEvent, x, 5, stratum, []);
        Assert.Equal(ConvergenceStatus.Converged, a.Status);
        Assert.Equal(Bits(a.Coefficients), Bits(b.Coefficients));
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++) Assert.Equal(BitConverter.DoubleToInt64Bits(a.Variance[i, j]), BitConverter.DoubleToInt64Bits(b.Variance[i, j]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.LogLikelihood), BitConverter.DoubleToInt64Bits(b.LogLikelihood));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Score.Statistic), BitConverter.DoubleToInt64Bits(b.Score.Statistic));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Concordance), BitConverter.DoubleToInt64Bits(b.Concordance));
    }

    private static long[] Bits(IReadOnlyList<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheTwoPassGatherEqualsADirectGather(bool weighted)
    {
        const int n = 200_003, q = 4;
        var (time, isEvent, x, _) = Data(n, q, 3);
        var random = new Random(5);
        var weights = weighted ? Enumerable.Range(0, n).Select(_ => 0.5 + random.NextDouble()).ToArray() : null;
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        int[] cols = [3, 1];
        var sortedTime = new double[n];
        var sortedEvent = new bool[n];
        var sortedWeight = new double[n];
        var sortedX = new double[n * cols.Length];
        SortedGather.Gather(order, time, isEvent, weights, x, q, cols, sortedTime, sortedEvent, sortedWeight, sortedX);
        for (int k = 0; k < n; k++)
        {
            int row = order[k];
            Assert.Equal(time[row], sortedTime[k]);
            Assert.Equal(isEvent[row], sortedEvent[k]);
            Assert.Equal(weighted ? weights![row] : 1.0, sortedWeight[k]);
            for (int j = 0; j < cols.Length; j++) Assert.Equal(x[row * q + cols[j]], sortedX[k * cols.Length + j]);
        }
    }

    [Fact]
    public void CaseWeightTwoEqualsTwoCopiesAcrossRiskScoreBlocks()
    {
        // Breslow: each row and its copy share every risk set, so weight 2 and two copies give the same fit. The copies
        // put the block boundaries of the risk scores at other rows than the weighted fit, and the weighted fit takes
        // the double-precision concordance, the copies the integer one.
        var (time, isEvent, x, stratum) = Data(40_000, 3, 11);   // about 10,000 rows a stratum: blocks of 4,096 rows
        var breslow = new CoxOptions { Ties = TieMethod.Breslow };
        var weighted = CoxRegression.Fit(time, isEvent, x, 3, stratum, [], Enumerable.Repeat(2.0, time.Length).ToArray(), breslow);
        var copies = CoxRegression.Fit([.. time, .. time], [.. isEvent, .. isEvent], [.. x, .. x], 3, [.. stratum, .. stratum], [], breslow);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(weighted.Coefficients[j], copies.Coefficients[j], 1e-10);
            Assert.Equal(weighted.Terms[j].StdError, copies.Terms[j].StdError, 1e-10);
        }
        Assert.Equal(1.0, copies.LogLikelihood / weighted.LogLikelihood, 1e-12);
        // Concordance: a row and its copy are never comparable (same time, same status), and every other pair counts
        // 2·2 = 4 times among the copies as it weighs 2·2 in the weighted fit: whole numbers in both, so equal exactly.
        Assert.Equal(weighted.Concordance, copies.Concordance);
        Assert.Equal(weighted.N * 2, copies.N);
    }
}
