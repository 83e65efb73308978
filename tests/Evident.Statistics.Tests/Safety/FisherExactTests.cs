using Evident.Statistics.Tests.Milestone;
using Evident.Statistics.Tests.Survival;
using Evident.Statistics.Safety;

namespace Evident.Statistics.Tests.Safety;

/// <summary>Fisher's exact test against R 4.2's fisher.test (kernels.json, rel 1e-9) and by hand.</summary>
public sealed class FisherExactTests
{
    [Fact]
    public void Matches_R_fisher_test_on_small_sparse_symmetric_and_large_tables()
    {
        foreach (var item in MilestoneSafetyFixtures.Kernels().GetProperty("fisher").EnumerateArray())
        {
            var t = item.GetProperty("table").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            var test = FisherExact.Test(t[0], t[1], t[2], t[3]);
            string where = $"fisher[{string.Join(",", t)}]";
            MilestoneSafetyFixtures.Close(item, "p_value", test.PValue, 1e-9, 1e-300, where);
            MilestoneSafetyFixtures.Close(item, "p_less", test.PValueLess, 1e-9, 1e-300, where);
            MilestoneSafetyFixtures.Close(item, "p_greater", test.PValueGreater, 1e-9, 1e-300, where);
        }
    }

    [Fact]
    public void Hand_computed_tea_tasting_table()
    {
        // m = n = k = 4: P(X = x) = C(4,x)·C(4,4−x)/70 = 1, 16, 36, 16, 1 (/70); observed x = 3.
        var test = FisherExact.Test(3, 1, 1, 3);
        Assert.Equal(34.0 / 70, test.PValue, 12);
        Assert.Equal(69.0 / 70, test.PValueLess, 12);
        Assert.Equal(17.0 / 70, test.PValueGreater, 12);
        Assert.Equal((3, 1, 1, 3), (test.A, test.B, test.C, test.D));
    }

    [Fact]
    public void Symmetric_tables_count_the_equally_likely_mirror_table()
    {
        // [[7,3],[3,7]] and [[3,7],[7,3]] are mirror images: equal two-sided p, swapped one-sided p.
        var x = FisherExact.Test(7, 3, 3, 7);
        var y = FisherExact.Test(3, 7, 7, 3);
        Assert.Equal(x.PValue, y.PValue, 14);
        Assert.Equal(x.PValueLess, y.PValueGreater, 14);
    }

    [Fact]
    public void Row_swap_and_transpose_leave_the_two_sided_p_unchanged()
    {
        var x = FisherExact.Test(12, 5, 2, 20);
        Assert.Equal(x.PValue, FisherExact.Test(2, 20, 12, 5).PValue, 14);
        Assert.Equal(x.PValue, FisherExact.Test(12, 2, 5, 20).PValue, 14);
        Assert.Equal(x.PValueGreater, FisherExact.Test(2, 20, 12, 5).PValueLess, 14);
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1, 0, 0, 0)]
    [InlineData(0, 0, 5, 7)]
    [InlineData(0, 4, 0, 9)]
    public void Empty_margins_leave_one_table_and_p_one(int a, int b, int c, int d)
    {
        var test = FisherExact.Test(a, b, c, d);
        Assert.Equal((1.0, 1.0, 1.0), (test.PValue, test.PValueLess, test.PValueGreater));
    }

    [Fact]
    public void Counts_in_the_millions_stay_finite_and_in_range()
    {
        var test = FisherExact.Test(1_000_000, 2_000_000, 1_002_000, 1_998_000);
        Assert.InRange(test.PValue, 0.0, 1.0);
        Assert.InRange(test.PValueLess + test.PValueGreater, 1.0, 1.0 + 1e-3);
        Assert.Equal(0.0, FisherExact.Test(100_000, 0, 0, 100_000).PValue);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 0, -1, 0)]
    [InlineData(0, 0, 0, -1)]
    public void Negative_counts_are_rejected(int a, int b, int c, int d) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherExact.Test(a, b, c, d));
}
