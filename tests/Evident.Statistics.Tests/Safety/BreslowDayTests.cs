using System.Text.Json;
using Evident.Statistics.Safety;
using Evident.Statistics.Tests.Survival;

namespace Evident.Statistics.Tests.Safety;

/// <summary>
/// The Breslow–Day–Tarone kernel against published textbook values, against R 4.2 code written from the formulas
/// (tests/fixtures/trials/expected/breslow-day.json, 1e-9 relative), on the cgd trial's serious infections by hospital
/// category, by hand, and under the table's symmetries. Counts are integers, so NaN and ±∞ cannot be passed in; the
/// degenerate inputs are empty spans, one stratum, zero margins and an infinite or zero common odds ratio.
/// </summary>
public sealed class BreslowDayTests
{
    private const double Rel = 1e-9, Abs = 1e-12;

    [Fact]
    public void Matches_R_on_every_kernel_case()
    {
        var cases = TrialFixtures.Expected("breslow-day.json").GetProperty("cases").EnumerateArray().ToArray();
        Assert.True(cases.Length >= 9);
        foreach (var set in cases)
        {
            string where = set.GetProperty("name").GetString()!;
            var test = BreslowDay.Test(TrialFixtures.Ints(set, "a"), TrialFixtures.Ints(set, "b"), TrialFixtures.Ints(set, "c"), TrialFixtures.Ints(set, "d"));
            AssertMatches(set, test, where);
        }
    }

    [Fact]
    public void Reproduces_the_published_textbook_values()
    {
        // Breslow & Day (1980), Vol. I, §4.4: Ille-et-Vilaine, alcohol ≥ 80 g/day by six age groups.
        var esoph = BreslowDay.Test([1, 4, 25, 42, 19, 5], [0, 5, 21, 34, 36, 8], [9, 26, 29, 27, 18, 0], [106, 164, 138, 139, 88, 31]);
        Assert.Equal(5.16, Math.Round(esoph.CommonOddsRatio, 2));
        Assert.Equal(9.32, Math.Round(esoph.Uncorrected!.Statistic, 2));
        Assert.Equal(5, esoph.Uncorrected.DegreesOfFreedom);

        // SAS/STAT PROC FREQ documentation, migraine (treatment × response by gender): 1.4929, 1 df, p = 0.2218.
        var migraine = BreslowDay.Test([16, 12], [11, 16], [5, 7], [20, 19]);
        Assert.Equal(1.4929, Math.Round(migraine.Uncorrected!.Statistic, 4));
        Assert.Equal(0.2218, Math.Round(migraine.Uncorrected.PValue, 4));

        // Fagerland, Lydersen & Laake (2017), ch. 10, Doll & Hill (1950) with Tarone's correction: T = 5.175, P = 0.02292.
        var dollHill = BreslowDay.Test([647, 41], [622, 28], [2, 19], [27, 32]);
        Assert.Equal(5.175, Math.Round(dollHill.Tarone!.Statistic, 3));
        Assert.Equal(0.02292, Math.Round(dollHill.Tarone.PValue, 5));
    }

    [Fact]
    public void Matches_R_on_the_cgd_trial_serious_infections_by_hospital_category()
    {
        // Participants with a serious infection (grade ≥ 3), interferon vs placebo, in each hospital category, counted
        // from the shipped data exactly as the safety analysis counts them.
        var participants = TrialFixtures.Data("cgd.csv");
        var ids = participants.Column("participant_id");
        var arm = participants.Column("treat");
        var hospital = participants.Column("hospital");
        var events = TrialFixtures.Data("cgd-adverse-events.csv");
        var grades = events.Numbers("grade");
        var terms = events.Column("term");
        var infected = events.Column("participant_id").Where((_, i) => grades[i] >= 3 && terms[i] == "Serious infection").ToHashSet();
        string[] levels = ["US:NIH", "US:other", "Europe:Amsterdam", "Europe:other"];
        int[] a = new int[4], b = new int[4], c = new int[4], d = new int[4];
        for (int i = 0; i < ids.Length; i++)
        {
            int k = Array.IndexOf(levels, hospital[i]);
            bool with = infected.Contains(ids[i]);
            if (arm[i] == "rIFN-g") { if (with) a[k]++; else b[k]++; }
            else { if (with) c[k]++; else d[k]++; }
        }
        var expected = TrialFixtures.Expected("cgd-95.json").GetProperty("safety").GetProperty("comparison");
        var test = BreslowDay.Test(a, b, c, d);
        Assert.Equal(BreslowDayStatus.Computed, test.Status);
        Assert.Equal(expected.GetProperty("informative_strata").GetInt32(), test.InformativeStrata);
        Approx.Equal(expected.GetProperty("mantel_haenszel").GetProperty("common_odds_ratio").GetDouble(), test.CommonOddsRatio, Rel, Abs, "cgd ψ");
        AssertTest(expected.GetProperty("breslow_day"), test.Uncorrected, "cgd breslow_day");
        AssertTest(expected.GetProperty("tarone"), test.Tarone, "cgd tarone");
        AssertNumbers(TrialFixtures.Numbers(expected, "expected"), test.Expected, "cgd expected");
        AssertNumbers(TrialFixtures.Numbers(expected, "variance"), test.Variance, "cgd variance");
    }

    [Fact]
    public void A_common_odds_ratio_of_one_gives_the_closed_form()
    {
        // Σad/n = 1.6 + 0.1 = Σbc/n, so ψ = 1 and Â = m₁t₁/n = 2.5 in both strata; V = 1/(4/2.5) = 0.625;
        // X² = (1.5² + 1.5²)/0.625 = 7.2, and Σa = ΣÂ leaves Tarone's correction at 0.
        var test = BreslowDay.Test([4, 1], [1, 4], [1, 4], [4, 1]);
        Assert.Equal(1.0, test.CommonOddsRatio);
        Assert.Equal([2.5, 2.5], test.Expected);
        Assert.Equal(0.625, test.Variance[0], 15);
        Assert.Equal(7.2, test.Uncorrected!.Statistic, 13);
        Assert.Equal(7.2, test.Tarone!.Statistic, 13);
        Assert.Equal(ChiSquareTest.UpperTail(7.2, 1), test.Uncorrected.PValue);
    }

    [Fact]
    public void Stratum_order_does_not_matter()
    {
        int[] a = [0, 2, 1, 3, 0, 5, 2, 1], b = [4, 3, 6, 2, 5, 1, 7, 3], c = [1, 0, 2, 1, 3, 2, 0, 4], d = [3, 6, 4, 5, 2, 4, 8, 1];
        int[] order = [5, 2, 7, 0, 3, 6, 1, 4];
        var x = BreslowDay.Test(a, b, c, d);
        var y = BreslowDay.Test(Permute(a, order), Permute(b, order), Permute(c, order), Permute(d, order));
        Assert.Equal(x.CommonOddsRatio, y.CommonOddsRatio, 13);
        Assert.Equal(x.Uncorrected!.Statistic, y.Uncorrected!.Statistic, 12);
        Assert.Equal(x.Tarone!.Statistic, y.Tarone!.Statistic, 12);
        for (int k = 0; k < order.Length; k++) Assert.Equal(x.Expected[order[k]], y.Expected[k], 12);
    }

    [Fact]
    public void Swapping_rows_or_columns_inverts_the_odds_ratio_and_keeps_the_tests()
    {
        int[] a = [1, 4, 25, 42, 19, 5], b = [0, 5, 21, 34, 36, 8], c = [9, 26, 29, 27, 18, 0], d = [106, 164, 138, 139, 88, 31];
        var x = BreslowDay.Test(a, b, c, d);
        var rows = BreslowDay.Test(c, d, a, b);
        var columns = BreslowDay.Test(b, a, d, c);
        var transposed = BreslowDay.Test(a, c, b, d);
        foreach (var (y, or) in new[] { (rows, 1 / x.CommonOddsRatio), (columns, 1 / x.CommonOddsRatio), (transposed, x.CommonOddsRatio) })
        {
            Assert.Equal(or, y.CommonOddsRatio, 12);
            Assert.Equal(x.Uncorrected!.Statistic, y.Uncorrected!.Statistic, 10);
            Assert.Equal(x.Tarone!.Statistic, y.Tarone!.Statistic, 10);
            Assert.Equal(x.Uncorrected.DegreesOfFreedom, y.Uncorrected.DegreesOfFreedom);
        }
        // Swapping the rows turns the first cell into c = t₁ − a, so its expectation becomes t₁ − Â.
        for (int k = 0; k < a.Length; k++) Assert.Equal(a[k] + c[k] - x.Expected[k], rows.Expected[k], 10);
    }

    [Fact]
    public void Strata_with_a_zero_margin_are_left_out()
    {
        int[] a = [5, 8], b = [20, 17], c = [3, 4], d = [22, 21];
        var plain = BreslowDay.Test(a, b, c, d);
        // No events; events only; an empty arm; an empty stratum; a single participant.
        var padded = BreslowDay.Test([5, 0, 4, 0, 8, 0, 1], [20, 10, 0, 0, 17, 0, 0], [3, 0, 6, 3, 4, 0, 0], [22, 12, 0, 9, 21, 0, 0]);
        Assert.Equal(7, padded.Strata);
        Assert.Equal(2, padded.InformativeStrata);
        Assert.Equal(plain.CommonOddsRatio, padded.CommonOddsRatio, 14);
        Assert.Equal(plain.Uncorrected!.Statistic, padded.Uncorrected!.Statistic, 13);
        Assert.Equal(plain.Tarone!.Statistic, padded.Tarone!.Statistic, 13);
        Assert.Equal(1, padded.Uncorrected.DegreesOfFreedom);
        Assert.Equal([false, true, true, true, false, true, true], padded.Expected.Select(double.IsNaN).ToArray());
    }

    [Fact]
    public void One_stratum_is_too_few()
    {
        var test = BreslowDay.Test([5], [20], [3], [22]);
        Assert.Equal(BreslowDayStatus.TooFewStrata, test.Status);
        Assert.Equal(1, test.InformativeStrata);
        Assert.Equal(5.0 * 22 / (20 * 3), test.CommonOddsRatio, 14);
        Assert.Null(test.Uncorrected);
        Assert.Null(test.Tarone);
        Assert.True(double.IsNaN(test.Expected[0]));
    }

    [Fact]
    public void An_infinite_or_zero_common_odds_ratio_is_not_estimable()
    {
        var infinite = BreslowDay.Test([3, 4], [0, 0], [2, 1], [5, 6]);
        Assert.Equal(BreslowDayStatus.OddsRatioNotEstimable, infinite.Status);
        Assert.Equal(double.PositiveInfinity, infinite.CommonOddsRatio);
        Assert.Null(infinite.Uncorrected);
        var zero = BreslowDay.Test([0, 0], [2, 1], [3, 2], [1, 2]);
        Assert.Equal(BreslowDayStatus.OddsRatioNotEstimable, zero.Status);
        Assert.Equal(0.0, zero.CommonOddsRatio);
        Assert.Null(zero.Tarone);
    }

    [Fact]
    public void Tarone_never_exceeds_the_uncorrected_statistic()
    {
        foreach (var set in TrialFixtures.Expected("breslow-day.json").GetProperty("cases").EnumerateArray())
        {
            var test = BreslowDay.Test(TrialFixtures.Ints(set, "a"), TrialFixtures.Ints(set, "b"), TrialFixtures.Ints(set, "c"), TrialFixtures.Ints(set, "d"));
            if (test.Status != BreslowDayStatus.Computed) continue;
            Assert.InRange(test.Tarone!.Statistic, -1e-12, test.Uncorrected!.Statistic + 1e-12);
            Assert.True(test.Tarone.PValue >= test.Uncorrected.PValue - 1e-15);
        }
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => BreslowDay.Test([], [], [], []));
        Assert.Throws<ArgumentException>(() => BreslowDay.Test([1, 2], [1], [1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => BreslowDay.Test([1, 2], [1, 2], [1, 2], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BreslowDay.Test([1, -1], [1, 2], [1, 2], [1, 2]));
    }

    private static void AssertMatches(JsonElement set, BreslowDayTest test, string where)
    {
        Assert.Equal(set.GetProperty("status").GetString(), Snake(test.Status));
        Assert.Equal(set.GetProperty("strata").GetInt32(), test.Strata);
        Assert.Equal(set.GetProperty("informative_strata").GetInt32(), test.InformativeStrata);
        var or = set.GetProperty("common_odds_ratio");
        if (or.ValueKind == JsonValueKind.Null) Assert.False(double.IsFinite(test.CommonOddsRatio), $"{where}: ψ = {test.CommonOddsRatio}");
        else Approx.Equal(or.GetDouble(), test.CommonOddsRatio, Rel, Abs, $"{where} ψ");
        AssertTest(set.GetProperty("breslow_day"), test.Uncorrected, where + " breslow_day");
        AssertTest(set.GetProperty("tarone"), test.Tarone, where + " tarone");
        AssertNumbers(TrialFixtures.Numbers(set, "expected"), test.Expected, where + " expected");
        AssertNumbers(TrialFixtures.Numbers(set, "variance"), test.Variance, where + " variance");
    }

    private static void AssertTest(JsonElement expected, ChiSquareTest? actual, string where)
    {
        if (expected.GetProperty("statistic").ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Approx.Equal(expected.GetProperty("statistic").GetDouble(), actual.Statistic, Rel, Abs, where + ".statistic");
        Approx.Equal(expected.GetProperty("p").GetDouble(), actual.PValue, Rel, Abs, where + ".p");
        Assert.Equal(expected.GetProperty("df").GetInt32(), actual.DegreesOfFreedom);
    }

    private static void AssertNumbers(double[] expected, IReadOnlyList<double> actual, string where)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int k = 0; k < expected.Length; k++)
        {
            if (double.IsNaN(expected[k])) Assert.True(double.IsNaN(actual[k]), $"{where}[{k}]: expected NA, got {actual[k]:R}");
            else Approx.Equal(expected[k], actual[k], Rel, Abs, $"{where}[{k}]");
        }
    }

    private static string Snake(BreslowDayStatus status) => status switch
    {
        BreslowDayStatus.Computed => "computed",
        BreslowDayStatus.TooFewStrata => "too_few_strata",
        BreslowDayStatus.OddsRatioNotEstimable => "odds_ratio_not_estimable",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static int[] Permute(int[] values, int[] order) => order.Select(i => values[i]).ToArray();
}
