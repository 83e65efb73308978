using Evident.Statistics.CompetingRisks;
using Evident.Statistics.Cox;

namespace Evident.Statistics.Tests.CompetingRisks;

/// <summary>
/// Every number of the cmprsk::crr reference cases (coefficients, sandwich standard errors, hazard ratios and
/// intervals, z, p, log-likelihoods), to the cases' rel 1e-5 (reached: better than 1e-9).
/// </summary>
public sealed class FineGrayReferenceTests
{
    public static TheoryData<string, string, string, string, string, int, string> Cases => new()
    {
        { "reference", "mgus2-finegray-progression", "data/mgus2.csv", "etime", "event", 1, "age,male,hgb" },
        { "competing-risks", "mgus2-finegray-death-sex", "../reference/data/mgus2.csv", "etime", "event", 2, "age,factor(sex),creat" },
        { "competing-risks", "crsim-finegray-cause1", "data/crsim.csv", "time", "cause", 1, "x1,factor(arm),factor(grade)" },
        { "competing-risks", "crsim-finegray-cause2", "data/crsim.csv", "time", "cause", 2, "x1,factor(site)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_crr(string folder, string name, string file, string timeColumn, string statusColumn, int cause, string terms)
    {
        var (expected, rel, abs) = CompetingRisksData.Case(folder, name);
        var table = CompetingRisksData.Table(folder, file);
        var (time, status, x, p, labels) = Design(table, timeColumn, statusColumn, terms.Split(','));

        var fit = FineGray.Fit(time, status, cause, x, p);
        Assert.Equal(expected.GetProperty("n").GetInt32(), fit.N);
        Assert.Equal(ConvergenceStatus.Converged, fit.Status);
        Assert.Equal(cause, fit.Cause);
        Assert.Equal(fit.N, fit.Events + fit.CompetingEvents + fit.Censored);
        if (expected.TryGetProperty("log_likelihood", out var ll))
        {
            Approx(ll.GetDouble(), fit.LogLikelihood, rel, abs, name + ".loglik");
            Approx(expected.GetProperty("log_likelihood_null").GetDouble(), fit.LogLikelihoodNull, rel, abs, name + ".loglik_null");
        }
        var items = expected.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(items.Length, p);
        for (int j = 0; j < p; j++)
        {
            var e = items[j];
            string label = e.GetProperty("term").GetString() + (e.TryGetProperty("level", out var level) ? level.GetString() : "");
            Assert.Equal(label, labels[j]);
            var t = fit.Terms[j];
            string where = $"{name}.{label}";
            Approx(e.GetProperty("estimate").GetDouble(), t.Estimate, rel, abs, where + ".estimate");
            Approx(e.GetProperty("std_error").GetDouble(), t.StdError, rel, abs, where + ".std_error");
            Approx(e.GetProperty("hazard_ratio").GetDouble(), t.HazardRatio, rel, abs, where + ".hazard_ratio");
            Approx(e.GetProperty("conf_low").GetDouble(), t.ConfLow, rel, abs, where + ".conf_low");
            Approx(e.GetProperty("conf_high").GetDouble(), t.ConfHigh, rel, abs, where + ".conf_high");
            Approx(e.GetProperty("z").GetDouble(), t.Z, rel, abs, where + ".z");
            Approx(e.GetProperty("p_value").GetDouble(), t.PValue, rel, abs, where + ".p_value");
            Assert.Equal(t.Estimate, fit.Coefficients[j]);
            Assert.Equal(t.StdError * t.StdError, fit.Variance[j, j], 12);
        }
    }

    /// <summary>Complete cases of the named columns; factor(c) expands to dummies for all but the first sorted level.</summary>
    internal static (double[] Time, int[] Cause, double[] X, int P, List<string> Labels) Design(
        Survival.CsvTable table, string timeColumn, string statusColumn, string[] terms)
    {
        var time = table.Numbers(timeColumn);
        var status = table.Numbers(statusColumn);
        var keep = Enumerable.Range(0, time.Length).Where(i => !double.IsNaN(time[i]) && !double.IsNaN(status[i])).ToHashSet();
        var columns = new List<(string Name, string[]? Text, double[]? Numbers)>();
        foreach (string term in terms)
        {
            if (term.StartsWith("factor(", StringComparison.Ordinal))
            {
                string name = term[7..^1];
                var text = table.Column(name);
                keep.RemoveWhere(i => text[i].Length == 0);
                columns.Add((name, text, null));
            }
            else
            {
                var numbers = table.Numbers(term);
                keep.RemoveWhere(i => double.IsNaN(numbers[i]));
                columns.Add((term, null, numbers));
            }
        }
        var rows = keep.Order().ToArray();
        var labels = new List<string>();
        var blocks = new List<double[]>();
        foreach (var (name, text, numbers) in columns)
        {
            if (numbers is not null)
            {
                labels.Add(name);
                blocks.Add(rows.Select(i => numbers[i]).ToArray());
                continue;
            }
            var levels = rows.Select(i => text![i]).Distinct().Order(StringComparer.Ordinal).ToArray();
            foreach (string level in levels.Skip(1))
            {
                labels.Add(name + level);
                blocks.Add(rows.Select(i => text![i] == level ? 1.0 : 0.0).ToArray());
            }
        }
        int p = blocks.Count;
        var x = new double[rows.Length * p];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < p; j++) x[i * p + j] = blocks[j][i];
        return (rows.Select(i => time[i]).ToArray(), rows.Select(i => (int)status[i]).ToArray(), x, p, labels);
    }

    private static void Approx(double expected, double actual, double rel, double abs, string where) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Max(abs, rel * Math.Abs(expected)), $"{where}: expected {expected:R}, got {actual:R}");
}
