using System.Text.Json;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Tests.Survival;

/// <summary>Every number of the R survival 3.5 Kaplan–Meier reference cases (make_refs.R: case_km), to rel 1e-6.</summary>
public sealed class KaplanMeierReferenceTests
{
    public static TheoryData<string, string, double, string?, bool, ConfidenceType> Cases => new()
    {
        { "aml-km-x", "aml.csv", 1, "x", false, ConfidenceType.Log },
        { "lung-km-all", "lung.csv", 2, null, true, ConfidenceType.Log },
        { "lung-km-sex-loglog", "lung.csv", 2, "sex", true, ConfidenceType.LogLog },
        { "lung-km-sex-plain", "lung.csv", 2, "sex", true, ConfidenceType.Plain },
        { "veteran-km-trt", "veteran.csv", 1, "trt", true, ConfidenceType.Log },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Curves_match_survfit_summary_and_print(string name, string file, double eventCode, string? groupColumn, bool numeric,
                                                       ConfidenceType type)
    {
        var reference = ReferenceFixtures.Case(name);
        var curves = FitCase(file, eventCode, groupColumn, numeric, type, out var levels);
        var expectedCurves = reference.Expected.GetProperty("curves");
        Assert.Equal(expectedCurves.GetArrayLength(), curves.Count);

        foreach (var expected in expectedCurves.EnumerateArray())
        {
            string level = ReferenceCase.GroupValue(expected);
            var curve = curves[groupColumn is null ? 0 : Array.IndexOf(levels, level)];
            string where = $"{name}[{level}]";
            Assert.Equal(ReferenceCase.Int(expected, "n"), curve.N);
            Assert.Equal(ReferenceCase.Int(expected, "events"), curve.Events);
            Assert.Equal(type, curve.ConfidenceType);
            Assert.Equal(0.95, curve.ConfidenceLevel);
            reference.AssertClose(expected, "median", curve.Median, where);
            reference.AssertClose(expected, "median_conf_low", curve.MedianLower, where);
            reference.AssertClose(expected, "median_conf_high", curve.MedianUpper, where);

            var steps = expected.GetProperty("steps");
            Assert.Equal(steps.GetArrayLength(), curve.Steps.Count);
            int i = 0;
            foreach (var step in steps.EnumerateArray())
            {
                var actual = curve.Steps[i];
                string at = $"{where}.steps[{i}]";
                Assert.Equal(step.GetProperty("time").GetDouble(), actual.Time);
                Assert.Equal(ReferenceCase.Int(step, "n_risk"), actual.AtRisk);
                Assert.Equal(ReferenceCase.Int(step, "n_event"), actual.Events);
                Assert.Equal(ReferenceCase.Int(step, "n_censor"), actual.Censored);
                reference.AssertClose(step, "survival", actual.Survival, at);
                reference.AssertClose(step, "std_error", actual.StdError, at);
                reference.AssertClose(step, "conf_low", actual.Lower, at);
                reference.AssertClose(step, "conf_high", actual.Upper, at);
                i++;
            }
        }

        if (!reference.Expected.TryGetProperty("at_times", out var atTimes)) return;
        var byLevel = atTimes.EnumerateArray().GroupBy(ReferenceCase.GroupValue);
        foreach (var rows in byLevel)
        {
            var curve = curves[groupColumn is null ? 0 : Array.IndexOf(levels, rows.Key)];
            var expectedRows = rows.ToArray();
            var points = curve.At(expectedRows.Select(r => r.GetProperty("time").GetDouble()).ToArray());
            for (int j = 0; j < expectedRows.Length; j++)
            {
                var row = expectedRows[j];
                string at = $"{name}[{rows.Key}].at({row.GetProperty("time").GetDouble()})";
                Assert.Equal(row.GetProperty("time").GetDouble(), points[j].Time);
                Assert.Equal(ReferenceCase.Int(row, "n_risk"), points[j].AtRisk);
                reference.AssertClose(row, "survival", points[j].Survival, at);
                reference.AssertClose(row, "std_error", points[j].StdError, at);
                reference.AssertClose(row, "conf_low", points[j].Lower, at);
                reference.AssertClose(row, "conf_high", points[j].Upper, at);

                var single = curve.At(points[j].Time);
                Assert.Equal(points[j] with { Events = single.Events }, single);
            }
        }
    }

    [Fact]
    public void Events_at_requested_times_count_since_the_previous_time()
    {
        // summary(survfit(Surv(time, status) ~ 1, lung), times = c(180, 365, 730))$n.event, from the step table.
        var sample = SurvivalSample.Load("lung.csv", "time", "status", 2, null, [""]);
        var curve = KaplanMeier.Fit(sample.Time, sample.IsEvent);
        var points = curve.At([730, 180, 365]);
        Assert.Equal([180.0, 365.0, 730.0], points.Select(p => p.Time));
        int EventsIn(double from, double to) => curve.Steps.Where(s => s.Time > from && s.Time <= to).Sum(s => s.Events);
        Assert.Equal(EventsIn(-1, 180), points[0].Events);
        Assert.Equal(EventsIn(180, 365), points[1].Events);
        Assert.Equal(EventsIn(365, 730), points[2].Events);
        Assert.Equal(EventsIn(-1, 365), curve.At(365).Events);
        Assert.Equal(165, curve.At(5000).Events);
    }

    internal static IReadOnlyList<KaplanMeierCurve> FitCase(string file, double eventCode, string? groupColumn, bool numeric,
                                                          ConfidenceType type, out string[] levels)
    {
        levels = groupColumn is null ? [""] : SurvivalSample.SortedLevels(file, groupColumn, numeric);
        var sample = SurvivalSample.Load(file, "time", "status", eventCode, groupColumn, levels);
        return groupColumn is null
            ? [KaplanMeier.Fit(sample.Time, sample.IsEvent, type)]
            : KaplanMeier.FitGroups(sample.Time, sample.IsEvent, sample.Group, levels.Length, type);
    }
}
