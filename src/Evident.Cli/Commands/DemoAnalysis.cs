using System.Text;
using Evident.Analysis;
using Evident.Reporting.Report;
using Evident.Analysis.Results;
using static Evident.Reporting.Report.ReportNumbers;

namespace Evident.Cli.Commands;

/// <summary>The demo's short console summary, read from the analysis results (the full report is in the output directory).</summary>
public static class DemoAnalysis
{
    /// <summary>A few lines: what was simulated, the primary results per stratum and overall, where the files are.</summary>
    /// <param name="results">The demo's results.</param>
    /// <param name="directory">Where the files were written.</param>
    public static string ConsoleSummary(AnalysisResults results, string directory)
    {
        var text = new StringBuilder();
        var primary = results.Primary;
        string phrase = primary.Endpoint.Milestone is double m ? ReportText.Milestone(m, results.Protocol.TimeUnit).Phrase : "";
        text.AppendLine("Evident demo: a SYNTHETIC trial calibrated to COG AALL1731 (no real participant is in it).");
        text.AppendLine($"{results.Participants} children randomized 1:1 within risk strata to chemotherapy or chemotherapy + blinatumomab; data cut-off {results.Cutoff:yyyy-MM-dd}.");
        foreach (var group in primary.Strata.Append(primary.Overall))
        {
            var hr = group.Comparisons[0].HazardRatio;
            string arms = string.Join(", ", group.Arms.Select(a => $"{a.ArmId} {(a.Milestone is { } p ? Percent(p.Survival) : "NA")} ({a.Events}/{a.N} events)"));
            text.AppendLine($"  {group.Label,-10} {phrase} DFS: {arms}; HR {Fixed(hr.HazardRatio)} ({Fixed(hr.ConfLow)} to {Fixed(hr.ConfHigh)}), log-rank {PClause(group.LogRank?.PValue ?? double.NaN)}");
        }
        text.AppendLine("Published (AALL1731): SR-average 90.2% vs 97.5% (HR 0.33); SR-high 84.8% vs 94.1% (HR 0.45).");
        text.AppendLine($"Wrote {Path.Combine(directory, "report.html")}, results.json, summary.md, summary.html (closed report, by arm), report-open.html, results-open.json (open report, pooled) and data/.");
        return text.ToString();
    }
}
