using System.Globalization;
using System.Text.RegularExpressions;
using static Evident.Cli.Tests.TrialReferenceTests;

namespace Evident.Cli.Tests;

/// <summary>The report's forest plots carry each subgroup variable's interaction p (R's <c>anova(coxph)</c>) and the analysis's level.</summary>
public sealed partial class ForestReportTests
{
    [Fact]
    public void Each_forest_plot_shows_the_interaction_p_of_each_subgroup_variable_at_the_analysis_level()
    {
        var (_, report, _) = Outputs("protocols/colon-issue12.yaml", "colon");
        var expected = Expected("colon", "90")["analyses"]![0]!["subgroups"]!.AsArray();
        foreach (var (arm, id) in new[] { ("lev", "forest"), ("lev_5fu", "forest-1") })
        {
            string figure = Figure(report, id);
            var texts = Texts().Matches(figure).Select(m => m.Groups[1].Value.Trim()).ToList();
            Assert.Contains("Interaction p", texts);
            Assert.Contains("HR (90% CI)", texts);
            Assert.DoesNotContain("95%", figure, StringComparison.Ordinal);
            foreach (var s in expected.Where(s => s!["arm"]!.GetValue<string>() == arm))
            {
                double p = s!["interaction"]!["p"]!.GetValue<double>();
                Assert.Contains(p < 0.001 ? "&lt;0.001" : p.ToString("0.000", CultureInfo.InvariantCulture), texts);
            }
        }
    }

    private static string Figure(string report, string id)
    {
        int start = report.IndexOf($"<figure data-figure=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"figure {id} is missing");
        return report[start..report.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"<text[^>]*>([^<]*)</text>")]
    private static partial Regex Texts();
}
