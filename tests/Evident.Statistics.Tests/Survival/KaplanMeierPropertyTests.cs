using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>Hand-computed cases, invariances and edge cases of <see cref="KaplanMeier"/>.</summary>
public sealed class KaplanMeierPropertyTests
{
    // survival's tests/book1.R data: six unsorted-looking rows with ties at 1 and 6.
    private static readonly double[] BookTime = [1, 1, 6, 6, 8, 9];
    private static readonly bool[] BookEvent = [true, false, true, true, false, true];

    [Fact]
    public void Book_example_matches_the_product_limit_by_hand()
    {
        var curve = KaplanMeier.Fit(BookTime, BookEvent);
        double z = 1.959963984540054;
        double v1 = 1.0 / 30, v6 = 1.0 / 30 + 2.0 / 8; // Greenwood: Σ d/(n(n−d))
        var expected = new[]
        {
            new KaplanMeierStep(1, 6, 1, 1, 5.0 / 6, 5.0 / 6 * Math.Sqrt(v1), 5.0 / 6 * Math.Exp(-z * Math.Sqrt(v1)), 1),
            new KaplanMeierStep(6, 4, 2, 0, 5.0 / 12, 5.0 / 12 * Math.Sqrt(v6), 5.0 / 12 * Math.Exp(-z * Math.Sqrt(v6)),
                                Math.Min(1, 5.0 / 12 * Math.Exp(z * Math.Sqrt(v6)))),
            new KaplanMeierStep(8, 2, 0, 1, 5.0 / 12, 5.0 / 12 * Math.Sqrt(v6), 5.0 / 12 * Math.Exp(-z * Math.Sqrt(v6)),
                                Math.Min(1, 5.0 / 12 * Math.Exp(z * Math.Sqrt(v6)))),
            new KaplanMeierStep(9, 1, 1, 0, 0, double.NaN, double.NaN, double.NaN),
        };
        Assert.Equal(4, curve.Steps.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var a = curve.Steps[i];
            var e = expected[i];
            Assert.Equal((e.Time, e.AtRisk, e.Events, e.Censored), (a.Time, a.AtRisk, a.Events, a.Censored));
            AssertClose(e.Survival, a.Survival);
            AssertClose(e.StdError, a.StdError);
            AssertClose(e.Lower, a.Lower);
            AssertClose(e.Upper, a.Upper);
        }
        Assert.Equal(6, curve.N);
        Assert.Equal(4, curve.Events);
        Assert.Equal(6, curve.Median);
        Assert.Equal(new[] { 1.0, 6, 8, 9 }, curve.RiskSets.Time);
        Assert.Equal(new[] { 6, 4, 2, 1 }, curve.RiskSets.AtRisk);
    }

    [Fact]
    public void Flat_stretch_at_one_half_takes_the_midpoint_to_the_next_drop()
    {
        // S = 0.75, 0.5 (t = 2), still 0.5 after a censoring at 3, 0 at t = 5: median (2 + 5)/2 as R's print(fit).
        var curve = KaplanMeier.Fit([1, 2, 3, 5], [true, true, false, true]);
        Assert.Equal(new[] { 0.75, 0.5, 0.5, 0.0 }, curve.Steps.Select(s => Math.Round(s.Survival, 12)));
        Assert.Equal(3.5, curve.Median);
        var even = KaplanMeier.Fit([1, 2, 3, 4], [true, true, true, true]);
        Assert.Equal(2.5, even.Median);
        var flat = KaplanMeier.Fit([1, 2, 3, 6, 9], [true, false, true, false, false]);
        // S: 0.8, 0.8, 0.5333…, … never exactly 0.5 → first time below 0.5: none → NaN.
        Assert.True(double.IsNaN(flat.Median));
        var exactHalfNoDrop = KaplanMeier.Fit([5, 5, 5, 5], [true, true, false, false]);
        Assert.Equal(0.5, exactHalfNoDrop.Steps[0].Survival);
        Assert.Equal(5, exactHalfNoDrop.Median); // no later drop: the time itself
        var halfThenDrop = KaplanMeier.Fit([1, 2, 4, 4, 8], [true, false, true, false, true]);
        // S(1) = 0.8, S(4) = 0.8·(2/3) = 0.5333; no exact 0.5; S(8) = 0 → median 8.
        Assert.Equal(8, halfThenDrop.Median);
    }

    [Theory]
    [InlineData(ConfidenceType.Log)]
    [InlineData(ConfidenceType.LogLog)]
    [InlineData(ConfidenceType.Plain)]
    public void Row_order_does_not_matter(ConfidenceType type)
    {
        var sample = SurvivalSample.Load("lung.csv", "time", "status", 2, "sex", ["1", "2"]);
        var reference = KaplanMeier.FitGroups(sample.Time, sample.IsEvent, sample.Group, 2, type);
        var order = Enumerable.Range(0, sample.Time.Length).ToArray();
        new Random(20240601).Shuffle(order);
        var shuffled = KaplanMeier.FitGroups(order.Select(i => sample.Time[i]).ToArray(), order.Select(i => sample.IsEvent[i]).ToArray(),
                                             order.Select(i => sample.Group[i]).ToArray(), 2, type);
        for (int g = 0; g < 2; g++)
        {
            Assert.Equal(reference[g].Steps, shuffled[g].Steps);
            Assert.Equal((reference[g].Median, reference[g].MedianLower, reference[g].MedianUpper),
                         (shuffled[g].Median, shuffled[g].MedianLower, shuffled[g].MedianUpper));
        }
    }

    [Fact]
    public void FitGroups_equals_Fit_on_each_group()
    {
        var levels = new[] { "adeno", "large", "smallcell", "squamous" };
        var sample = SurvivalSample.Load("veteran.csv", "time", "status", 1, "celltype", levels);
        var curves = KaplanMeier.FitGroups(sample.Time, sample.IsEvent, sample.Group, 4, ConfidenceType.LogLog, 0.9);
        for (int g = 0; g < 4; g++)
        {
            var rows = Enumerable.Range(0, sample.Time.Length).Where(i => sample.Group[i] == g).ToArray();
            var alone = KaplanMeier.Fit(rows.Select(i => sample.Time[i]).ToArray(), rows.Select(i => sample.IsEvent[i]).ToArray(),
                                        ConfidenceType.LogLog, 0.9);
            Assert.Equal(alone.Steps, curves[g].Steps);
            Assert.Equal(alone.N, curves[g].N);
            Assert.Equal(0.9, curves[g].ConfidenceLevel);
        }
    }

    [Theory]
    [InlineData(ConfidenceType.Log)]
    [InlineData(ConfidenceType.LogLog)]
    [InlineData(ConfidenceType.Plain)]
    public void Survival_is_non_increasing_and_inside_its_band(ConfidenceType type)
    {
        var sample = SurvivalSample.Load("veteran.csv", "time", "status", 1, null, [""]);
        var curve = KaplanMeier.Fit(sample.Time, sample.IsEvent, type);
        double previous = 1;
        foreach (var s in curve.Steps)
        {
            Assert.InRange(s.Survival, 0, previous);
            previous = s.Survival;
            if (s.Survival > 0)
            {
                Assert.InRange(s.Lower, 0, s.Survival);
                Assert.InRange(s.Upper, s.Survival, 1);
            }
        }
        Assert.Equal(sample.Time.Length, curve.Steps.Sum(s => s.Events + s.Censored));
    }

    [Fact]
    public void At_reads_the_step_function_with_R_extend_rules()
    {
        var curve = KaplanMeier.Fit(BookTime, BookEvent);
        var before = curve.At(0.5);
        Assert.Equal(new KaplanMeierPoint(0.5, 6, 0, 1, 0, 1, 1), before);
        var between = curve.At(7);
        Assert.Equal((2, 3, Math.Round(5.0 / 12, 12)), (between.AtRisk, between.Events, Math.Round(between.Survival, 12)));
        Assert.Equal(curve.Steps[1].StdError, between.StdError);
        var atStep = curve.At(6);
        Assert.Equal((4, Math.Round(5.0 / 12, 12)), (atStep.AtRisk, Math.Round(atStep.Survival, 12)));
        var beyond = curve.At(100);
        Assert.Equal(0, beyond.AtRisk);
        Assert.Equal(0, beyond.Survival);
        Assert.True(double.IsNaN(beyond.StdError));
        Assert.True(double.IsNaN(KaplanMeier.Fit(BookTime, BookEvent, ConfidenceType.LogLog).At(0.5).Lower));
        var many = curve.At([6, 1, 6]);
        Assert.Equal(new[] { 1, 2, 0 }, many.Select(p => p.Events)); // [0, 1], (1, 6], (6, 6]
        Assert.Empty(curve.At(Array.Empty<double>()));
    }

    [Theory]
    [InlineData(ConfidenceType.Log)]
    [InlineData(ConfidenceType.LogLog)]
    [InlineData(ConfidenceType.Plain)]
    public void All_censored_stays_at_one(ConfidenceType type)
    {
        var curve = KaplanMeier.Fit([3, 1, 2, 2], [false, false, false, false], type);
        Assert.Equal(0, curve.Events);
        Assert.All(curve.Steps, s => Assert.Equal((1.0, 0.0), (s.Survival, s.StdError)));
        if (type == ConfidenceType.LogLog) Assert.All(curve.Steps, s => Assert.True(double.IsNaN(s.Lower) && double.IsNaN(s.Upper)));
        else Assert.All(curve.Steps, s => Assert.Equal((1.0, 1.0), (s.Lower, s.Upper)));
        Assert.True(double.IsNaN(curve.Median));
        Assert.True(double.IsNaN(curve.MedianLower));
        Assert.True(double.IsNaN(curve.MedianUpper));
        Assert.Equal(new[] { 4, 3, 1 }, curve.Steps.Select(s => s.AtRisk));
    }

    [Fact]
    public void All_events_tied_drop_to_zero_at_once()
    {
        var curve = KaplanMeier.Fit([4, 4, 4], [true, true, true]);
        var step = Assert.Single(curve.Steps);
        Assert.Equal((4.0, 3, 3, 0, 0.0), (step.Time, step.AtRisk, step.Events, step.Censored, step.Survival));
        Assert.True(double.IsNaN(step.StdError) && double.IsNaN(step.Lower) && double.IsNaN(step.Upper));
        Assert.Equal(4, curve.Median);
        Assert.True(double.IsNaN(curve.MedianLower)); // the band is NA where S = 0
    }

    [Fact]
    public void All_events_distinct_times_follow_n_minus_i_over_n()
    {
        var curve = KaplanMeier.Fit([5, 3, 1, 4, 2], [true, true, true, true, true]);
        Assert.Equal(new[] { 0.8, 0.6, 0.4, 0.2, 0.0 }, curve.Steps.Select(s => Math.Round(s.Survival, 14)));
        Assert.Equal(3, curve.Median);
        // Greenwood at t = 2: 1/(5·4) + 1/(4·3) = 2/15; SE(S) = 0.6·sqrt(2/15).
        Assert.Equal(0.6 * Math.Sqrt(2.0 / 15), curve.Steps[1].StdError, 14);
    }

    [Fact]
    public void One_row()
    {
        var died = KaplanMeier.Fit([2.5], [true]);
        Assert.Equal(0, Assert.Single(died.Steps).Survival);
        Assert.Equal(2.5, died.Median);
        var censored = KaplanMeier.Fit([2.5], [false]);
        Assert.Equal(1, Assert.Single(censored.Steps).Survival);
        Assert.True(double.IsNaN(censored.Median));
        var zero = KaplanMeier.Fit([-0.0], [false]);
        Assert.True(double.IsPositive(zero.Steps[0].Time));
    }

    [Fact]
    public void Groups_without_rows_give_empty_curves()
    {
        var curves = KaplanMeier.FitGroups([1, 2, 3], [true, false, true], [0, 0, 2], 3);
        Assert.Equal(3, curves.Count);
        Assert.Empty(curves[1].Steps);
        Assert.Equal(0, curves[1].N);
        Assert.True(double.IsNaN(curves[1].Median));
        Assert.Equal(new KaplanMeierPoint(10, 0, 0, 1, 0, 1, 1), curves[1].At(10));
        Assert.Equal(3, curves[2].Median);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1.0)]
    public void Bad_times_are_rejected(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Fit([1, bad], [true, true]));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.FitGroups([1, bad], [true, true], [0, 1], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskSetTable.Build([bad], [true]));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([], []));
        Assert.Throws<ArgumentException>(() => KaplanMeier.FitGroups([], [], [], 1));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([1, 2], [true]));
        Assert.Throws<ArgumentException>(() => KaplanMeier.FitGroups([1, 2], [true, true], [0], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.FitGroups([1, 2], [true, true], [0, 2], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.FitGroups([1, 2], [true, true], [0, -1], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.FitGroups([1, 2], [true, true], [0, 0], 0));
        foreach (double level in new[] { double.NaN, 0, 1, -0.5, double.PositiveInfinity })
            Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Fit([1], [true], ConfidenceType.Log, level));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Fit([1], [true], (ConfidenceType)42));
        var curve = KaplanMeier.Fit([1], [true]);
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.At(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.At(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.At([1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.Steps[1]);
    }

    private static void AssertClose(double expected, double actual)
    {
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}");
        else Approx.Equal(expected, actual, 1e-14, 1e-15, "value");
    }
}
