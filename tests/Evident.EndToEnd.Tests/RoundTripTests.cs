using Evident.Analysis;
using Evident.Analysis.Export;
using Evident.Analysis.Input;
using Evident.Data.Adam;
using Evident.Reporting.Report;
using Evident.Protocol.Synthetic;
using Evident.Analysis.Results;

namespace Evident.EndToEnd.Tests;

/// <summary>The same trial in the simple layout (CSV, Parquet) and as ADaM (CSV, Parquet, XPT) gives identical results.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void SimpleLayoutAndAdamGiveIdenticalResults()
    {
        var protocol = Examples.Protocol;
        var trial = ProtocolTrialGenerator.Generate(protocol, Examples.Scenario(protocol), participants: 700);
        string dir = Examples.TempDirectory();
        try
        {
            var options = new AnalysisOptions { Cutoff = new DateOnly(2023, 12, 31) };
            string Analyse(TrialData data) => Strip(ResultsJson.Render(TrialAnalysis.Run(protocol, data, options)));
            var outputs = new Dictionary<string, string>();
            foreach (var format in new[] { DataFileFormat.Csv, DataFileFormat.Parquet })
            {
                var (p, a) = SyntheticTables.WriteSimple(trial, Path.Combine(dir, "simple-" + format), format);
                outputs["simple " + format] = Analyse(SimpleLayoutReader.Read(protocol, p, a));
            }
            foreach (var format in new[] { DataFileFormat.Csv, DataFileFormat.Parquet, DataFileFormat.Xpt })
            {
                string adam = Path.Combine(dir, "adam-" + format);
                SyntheticTables.WriteAdam(trial, adam, format);
                outputs["adam " + format] = Analyse(AdamLayoutReader.Read(protocol, AdamFiles.Locate(adam)));
            }
            string reference = outputs["simple Csv"];
            Assert.Contains("\"dfs_3y\"", reference);
            Assert.Contains("\"severe_terms_of_interest\"", reference);
            foreach (var (name, json) in outputs) Assert.True(json == reference, $"{name} differs from the simple CSV layout");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CutoffCensorsLaterEventsAndDropsLaterRandomizations()
    {
        var protocol = Examples.Protocol;
        var trial = ProtocolTrialGenerator.Generate(protocol, Examples.Scenario(protocol), participants: 400);
        string dir = Examples.TempDirectory();
        try
        {
            var (p, a) = SyntheticTables.WriteSimple(trial, dir, DataFileFormat.Csv);
            var data = SimpleLayoutReader.Read(protocol, p, a);
            var cutoff = new DateOnly(2022, 1, 1);
            var results = TrialAnalysis.Run(protocol, data, new AnalysisOptions { Cutoff = cutoff });
            int randomized = trial.Participants.Count(r => r.Randomized <= cutoff);
            int events = trial.Participants.Count(r => r.Randomized <= cutoff && r.FirstEventDate is { } d && d <= cutoff);
            Assert.Equal(randomized, results.Participants);
            Assert.Equal(trial.Participants.Count - randomized, results.ExcludedAfterCutoff);
            Assert.Equal(events, results.Primary.Overall.Arms.Sum(x => x.Events));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>results.json without the one line that names the files read.</summary>
    private static string Strip(string json) =>
        string.Join('\n', json.Split('\n').Where(l => !l.TrimStart().StartsWith("\"data_source\"", StringComparison.Ordinal)));
}
