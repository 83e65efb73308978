using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Evident.Analysis;
using Evident.Analysis.Capture;
using Evident.Storage;
using Evident.Analysis.Input;
using Evident.Cli;
using Evident.Reporting.Report;
using Evident.Protocol;
using Evident.Analysis.Results;

namespace Evident.Server.Tests;

/// <summary>
/// Issue 7's round trip: a trial entered through the HTTP API → <c>evident export</c> (every layout and format) →
/// <c>evident analyze</c> gives the numbers of the same data written by hand in the simple layout and analysed directly.
/// </summary>
public sealed class ExportRoundTripTests
{
    private static readonly (string Layout, string Format)[] Variants =
        [("adam", "csv"), ("adam", "parquet"), ("adam", "xpt"), ("simple", "csv"), ("simple", "parquet")];

    [Fact]
    public async Task Every_export_variant_gives_the_numbers_of_the_entered_data_on_sqlite()
    {
        await using var app = await new TestApp().SeedAsync();
        await RoundTrip(app, new ApiChannel(app));
    }

    /// <summary>The same trial entered by people through the site pages (forms with anti-forgery tokens, sign-in sessions).</summary>
    [Fact]
    public async Task A_trial_run_through_the_pages_gives_the_numbers_of_the_entered_data()
    {
        await using var app = await new TestApp().SeedAsync(password: Pages.PageSession.Password);
        await RoundTrip(app, new PagesChannel(app));
    }

    [Fact]
    public async Task Every_export_variant_gives_the_numbers_of_the_entered_data_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await using var app = await new TestApp(database).SeedAsync();
            await RoundTrip(app, new ApiChannel(app));
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task RoundTrip(TestApp app, IEntryChannel channel)
    {
        var scenario = await CapturedScenario.EnterAsync(app, channel);
        var protocol = TrialProtocol.Load(Path.Combine(AppContext.BaseDirectory, "fixtures", "aall1731.yaml"));
        string root = Path.Combine(Path.GetTempPath(), $"evident-roundtrip-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(root);
            var (participantsCsv, adverseEventsCsv) = scenario.WriteSimpleCsv(root);
            var entered = SimpleLayoutReader.Read(protocol, participantsCsv, adverseEventsCsv);
            var options = new AnalysisOptions();
            var reference = TrialAnalysis.Run(protocol, entered, options);

            // The hand-written data are what the scenario planned, and the analysis is not degenerate.
            Assert.Equal(CapturedScenario.Count, reference.Participants);
            Assert.Equal(scenario.DfsEvents, reference.Primary.Overall.Arms.Sum(a => a.Events));
            Assert.Equal(scenario.SepsisGrade3, reference.Safety!.Table.Terms.Single(t => reference.Safety.Terms[t.Term] == "Sepsis").Participants.Sum());
            Assert.NotNull(reference.Safety.Severe);
            Assert.True(reference.Primary.Overall.Comparisons.Single().HazardRatio.HazardRatio is > 0 and < double.PositiveInfinity);
            // The subgroup analysis by sex has every participant whose sex was recorded, and an estimable hazard ratio.
            var bySex = reference.Subgroups.Where(g => g.Factor == "sex").ToArray();
            Assert.Equal(["female", "male"], bySex.Select(g => g.Level));
            Assert.Equal([scenario.Participants.Count(p => p.Sex == "female"), scenario.Participants.Count(p => p.Sex == "male")], bySex.Select(g => g.N));
            Assert.Equal([30, 29], bySex.Select(g => g.N));
            Assert.Equal([scenario.DfsEventsOf("female"), scenario.DfsEventsOf("male")], bySex.Select(g => g.Events));
            Assert.All(bySex, g => Assert.True(g.HazardRatio.HazardRatio is > 0 and < double.PositiveInfinity, $"sex {g.Level}: HR {g.HazardRatio.HazardRatio}"));

            var captured = CapturedTrial.Map(await app.Store.ReadCapturedAsync(TestApp.Trial));
            Assert.Equal(CapturedScenario.Count, captured.Randomizations.Count);
            AssertSameData(entered, captured.Data, "CapturedTrial.Map");
            AssertSameData(entered, CapturedTrial.ToTrialData(protocol, captured.Randomizations, captured.Entries), "CapturedTrial.ToTrialData");

            string referenceJson = Numbers(ResultsJson.Render(reference));
            foreach (var (layout, format) in Variants)
            {
                string name = $"{layout} {format}";
                string dir = Path.Combine(root, $"export-{layout}-{format}");
                var export = Cli("export", "--db", app.Database, "--trial", TestApp.Trial, "--out", dir, "--layout", layout, "--format", format);
                Assert.True(export.Code == 0, name + ": " + export.Err);
                Assert.Contains("UNBLINDED", export.Out);
                string[] expectedFiles = layout == "adam"
                    ? [$"adae.{format}", $"adsl.{format}", $"adtte.{format}", "protocol.yaml"]
                    : [$"adverse_events.{format}", $"participants.{format}", "protocol.yaml"];
                Assert.Equal(expectedFiles, Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

                // The printed follow-on command is the one this layout needs.
                string command = export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
                string expectedCommand = layout == "adam"
                    ? $"evident analyze {dir}/protocol.yaml --data {dir}"
                    : $"evident analyze {dir}/protocol.yaml --data {dir}/participants.{format} --ae {dir}/adverse_events.{format}";
                Assert.Equal(expectedCommand, command);

                // Read back as analyze reads it: the same mapped data, hence the same numbers.
                var args = ShellWords(command);
                string dataPath = args[Array.IndexOf(args, "--data") + 1];
                string? aePath = layout == "adam" ? null : args[Array.IndexOf(args, "--ae") + 1];
                var exported = TrialDataLoader.Load(protocol, dataPath, aePath);
                AssertSameData(entered, exported, name);
                var results = TrialAnalysis.Run(protocol, exported, options);
                AssertSameNumbers(reference, results, name);
                Assert.Equal(referenceJson, Numbers(ResultsJson.Render(results)));

                // The printed command itself, run in-process, writes a results.json with the same numbers.
                string report = Path.Combine(root, $"report-{layout}-{format}");
                var analyze = Cli([.. args, "--out", report]);
                Assert.True(analyze.Code == 0, name + ": " + analyze.Err + analyze.Out);
                Assert.Equal(referenceJson, Numbers(File.ReadAllText(Path.Combine(report, "results.json"))));
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    internal static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EvidentApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Splits a printed command line into words (POSIX single quotes).</summary>
    private static string[] ShellWords(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in line)
        {
            if (c == '\'') { quoted = !quoted; any = true; }
            else if (c == ' ' && !quoted)
            {
                if (any) words.Add(word.ToString());
                word.Clear();
                any = false;
            }
            else { word.Append(c); any = true; }
        }
        if (any) words.Add(word.ToString());
        Assert.Equal("evident", words[0]);
        return [.. words.Skip(1)];
    }

    /// <summary>results.json without what names the inputs (protocol file and hash, data source, the report block's hashes of them): every number stays.</summary>
    private static string Numbers(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("protocol");
        node.Remove("data_source");
        node.Remove("report");
        return node.ToJsonString();
    }

    /// <summary>Participants, outcomes and adverse events are equal (the source text and layout may differ).</summary>
    internal static void AssertSameData(TrialData expected, TrialData actual, string what)
    {
        Assert.True(expected.Participants.Count == actual.Participants.Count, $"{what}: {actual.Participants.Count} participants, expected {expected.Participants.Count}");
        for (int i = 0; i < expected.Participants.Count; i++)
        {
            var (e, a) = (expected.Participants[i], actual.Participants[i]);
            string at = $"{what}, participant {e.Id}";
            Assert.True(e.Id == a.Id, $"{at}: id {a.Id}");
            Assert.True(e.Arm == a.Arm, $"{at}: arm {a.Arm}, expected {e.Arm}");
            Assert.True(e.Strata.SequenceEqual(a.Strata), $"{at}: strata");
            Assert.True(e.Covariates.SequenceEqual(a.Covariates), $"{at}: covariates");
            Assert.True(e.Site == a.Site, $"{at}: site {a.Site}, expected {e.Site}");
            Assert.True(e.Randomized == a.Randomized, $"{at}: randomized {a.Randomized}, expected {e.Randomized}");
            Assert.True(e.Outcomes.SequenceEqual(a.Outcomes), $"{at}: outcomes {string.Join("; ", a.Outcomes)}, expected {string.Join("; ", e.Outcomes)}");
        }
        // The end date and assessment ride along with captured data for the ADAE writer only; no reader reads them back
        // (the analysis uses participant, term, grade, seriousness and onset, which must agree).
        static AdverseEventRecord Read(AdverseEventRecord e) => e with { End = null, Assessment = null };
        Assert.True(expected.AdverseEvents.Select(Read).SequenceEqual(actual.AdverseEvents.Select(Read)), $"{what}: adverse events differ");
    }

    private static void Close(double expected, double actual, string what)
    {
        if (expected.Equals(actual)) return;
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Abs(expected), $"{what}: {actual.ToString("R", CultureInfo.InvariantCulture)}, expected {expected.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The primary HR, CI, log-rank, KM estimates, cumulative incidences and safety counts agree to 1e-12 relative.</summary>
    private static void AssertSameNumbers(AnalysisResults expected, AnalysisResults actual, string what)
    {
        Assert.Equal(expected.Participants, actual.Participants);
        var groups = new[] { expected.Primary.Overall }.Concat(expected.Primary.Strata).Zip(new[] { actual.Primary.Overall }.Concat(actual.Primary.Strata));
        foreach (var (e, a) in groups)
        {
            string at = $"{what}, {e.Label}";
            Assert.Equal(e.Label, a.Label);
            foreach (var (ec, ac) in e.Comparisons.Zip(a.Comparisons, (x, y) => (x.HazardRatio, y.HazardRatio)))
            {
                Close(ec.HazardRatio, ac.HazardRatio, at + " HR");
                Close(ec.ConfLow, ac.ConfLow, at + " HR lower");
                Close(ec.ConfHigh, ac.ConfHigh, at + " HR upper");
                Close(ec.PValue, ac.PValue, at + " Cox p");
            }
            Close(e.LogRank!.Statistic, a.LogRank!.Statistic, at + " log-rank chi-square");
            Close(e.LogRank.PValue, a.LogRank.PValue, at + " log-rank p");
            Assert.Equal(e.Arms.Count, a.Arms.Count);
            foreach (var (ea, aa) in e.Arms.Zip(a.Arms))
            {
                Assert.Equal((ea.N, ea.Events), (aa.N, aa.Events));
                // A milestone past the arm's last follow-up is not estimable (null) in both, or a number in both.
                Assert.True((ea.Milestone is null) == (aa.Milestone is null), $"{at} {ea.ArmId} KM at milestone: estimable in one only");
                if (ea.Milestone is { } em && aa.Milestone is { } am)
                {
                    Close(em.Survival, am.Survival, $"{at} {ea.ArmId} KM at milestone");
                    Close(em.Lower, am.Lower, $"{at} {ea.ArmId} KM lower");
                    Close(em.Upper, am.Upper, $"{at} {ea.ArmId} KM upper");
                }
                Assert.Equal(ea.Curve!.Steps.Count, aa.Curve!.Steps.Count);
                foreach (var (es, s) in ea.Curve.Steps.Zip(aa.Curve.Steps))
                {
                    Assert.Equal((es.Time, es.AtRisk, es.Events, es.Censored), (s.Time, s.AtRisk, s.Events, s.Censored));
                    Close(es.Survival, s.Survival, $"{at} {ea.ArmId} KM at {es.Time}");
                    Close(es.StdError, s.StdError, $"{at} {ea.ArmId} KM SE at {es.Time}");
                }
            }
        }
        foreach (var (ec, ac) in expected.CompetingRisks[0].Overall.Zip(actual.CompetingRisks[0].Overall))
        {
            Assert.Equal(ec.CauseId, ac.CauseId);
            if (ec.GrayTest is { } gray) Close(gray.Test.Statistic, ac.GrayTest!.Test.Statistic, $"{what} Gray {ec.CauseId}");
            foreach (var (ea, aa) in ec.Arms.Zip(ac.Arms))
            {
                Assert.Equal(ea.Events, aa.Events);
                Assert.Equal(ea.Curve!.Steps.Count, aa.Curve!.Steps.Count);
                foreach (var (ep, ap) in ea.Curve.Steps.Zip(aa.Curve.Steps))
                {
                    Assert.Equal(ep.Time, ap.Time);
                    Close(ep.Estimate, ap.Estimate, $"{what} CIF {ec.CauseId} {ea.ArmId} at {ep.Time}");
                    Close(ep.Variance, ap.Variance, $"{what} CIF variance {ec.CauseId} {ea.ArmId} at {ep.Time}");
                }
            }
        }
        Assert.Equal(expected.Subgroups.Count, actual.Subgroups.Count);
        Assert.Contains(expected.Subgroups, g => g.Factor == "sex");
        foreach (var (e, a) in expected.Subgroups.Zip(actual.Subgroups))
        {
            string at = $"{what}, subgroup {e.Factor} {e.Level}";
            Assert.Equal((e.Factor, e.Level, e.N, e.Events), (a.Factor, a.Level, a.N, a.Events));
            Close(e.HazardRatio.HazardRatio, a.HazardRatio.HazardRatio, at + " HR");
            Close(e.HazardRatio.ConfLow, a.HazardRatio.ConfLow, at + " HR lower");
            Close(e.HazardRatio.ConfHigh, a.HazardRatio.ConfHigh, at + " HR upper");
            Close(e.HazardRatio.PValue, a.HazardRatio.PValue, at + " Cox p");
        }
        var (safety, other) = (expected.Safety!, actual.Safety!);
        Assert.Equal(safety.Terms, other.Terms);
        foreach (var (e, a) in new[] { (safety.Table, other.Table), (safety.Severe!, other.Severe!) })
        {
            Assert.Equal(e.ArmSizes, a.ArmSizes);
            Assert.Equal(e.AnyTerm.Participants, a.AnyTerm.Participants);
            Assert.Equal(e.Terms.Count, a.Terms.Count);
            foreach (var (et, at) in e.Terms.Zip(a.Terms))
            {
                Assert.Equal(et.Term, at.Term);
                Assert.Equal(et.Participants, at.Participants);
            }
        }
    }
}
