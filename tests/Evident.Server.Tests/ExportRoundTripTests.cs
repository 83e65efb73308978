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

    /// <summary>results.json without what names the inputs (protocol file and hash, data source): every number stays.</summary>
    private static string Numbers(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("protocol");
        node.Remove("data_source");
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
        Assert.True(expected.AdverseEvents.SequenceEqual(actual.AdverseEvents), $"{what}: adverse events differ");
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
                Close(ea.Milestone!.Survival, aa.Milestone!.Survival, $"{at} {ea.ArmId} KM at milestone");
                Close(ea.Milestone.Lower, aa.Milestone.Lower, $"{at} {ea.ArmId} KM lower");
                Close(ea.Milestone.Upper, aa.Milestone.Upper, $"{at} {ea.ArmId} KM upper");
                Assert.Equal(ea.Curve!.Steps.Count, aa.Curve!.Steps.Count);
                foreach (var (es, s) in ea.Curve.Steps.Zip(aa.Curve.Steps))
                {
                    Assert.Equal((es.Time, es.AtRisk, es.Events, es.Censored), (s.Time, s.AtRisk, s.Events, s.Censored));
                    Close(es.Survival, s.Survival, $"{at} {ea.ArmId} KM at {es.Time}");
                    Close(es.StdError, s.StdError, $"{at} {ea.ArmId} KM SE at {es.Time}");
                }
            }
        }
        foreach (var (ec, ac) in expected.CompetingRisks!.Overall.Zip(actual.CompetingRisks!.Overall))
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

/// <summary>
/// Sixty participants randomized through the HTTP API three days apart from 2026-01-15, one more randomized and then
/// invalidated, and follow-up entered on 2028-06-30 through the API: relapses at every site (one participant with two
/// relapses, one with two on the same day), deaths, second malignancies, last contacts, adverse events and two
/// corrections. What each participant's simple-layout row must say is planned here, by hand, not derived by the code
/// under test.
/// </summary>
internal sealed class CapturedScenario
{
    public const int Count = 60;
    public static readonly DateOnly Today = new(2028, 6, 30);

    public sealed class Planned(string id, string site, string risk, string? sex, DateOnly randomized)
    {
        public string Id { get; } = id;
        public string Site { get; } = site;
        public string Risk { get; } = risk;
        /// <summary>The covariate sex given at randomization; null = "not recorded".</summary>
        public string? Sex { get; } = sex;
        public DateOnly Randomized { get; } = randomized;
        public string Arm { get; set; } = "";
        public (DateOnly Date, string Site)? Relapse { get; set; }
        public DateOnly? Death { get; set; }
        public DateOnly? SecondMalignancy { get; set; }
        /// <summary>Every current entry's date and adverse-event end date: last contact is the latest of them and the randomization date.</summary>
        public List<DateOnly> Dates { get; } = [];
        public List<(string Term, int Grade, DateOnly Onset)> AdverseEvents { get; } = [];
        public DateOnly LastContact => Dates.Append(Randomized).Max();
    }

    public List<Planned> Participants { get; } = [];

    /// <summary>Participants whose disease-free survival ends with an event.</summary>
    public int DfsEvents => Participants.Count(p => p.Relapse is not null || p.Death is not null || p.SecondMalignancy is not null);

    /// <summary>Participants of one sex whose disease-free survival ends with an event.</summary>
    public int DfsEventsOf(string sex) =>
        Participants.Count(p => p.Sex == sex && (p.Relapse is not null || p.Death is not null || p.SecondMalignancy is not null));

    /// <summary>Participants with a grade ≥ 3 sepsis (the protocol's safety.min_grade).</summary>
    public int SepsisGrade3 => Participants.Count(p => p.AdverseEvents.Any(a => a.Term == "Sepsis" && a.Grade >= 3));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<CapturedScenario> EnterAsync(TestApp app, IEntryChannel channel)
    {
        var scenario = new CapturedScenario();
        var start = DateOnly.FromDateTime(TestApp.Start.UtcDateTime);
        for (int i = 0; i < Count; i++)
        {
            if (i > 0) app.Clock.Advance(TimeSpan.FromDays(3));
            // Sex alternates in pairs (so it does not follow the site); participant 7's is not recorded.
            var p = new Planned($"P-{i:0000}", i % 2 == 0 ? "S1" : "S2", i % 3 == 0 ? "SR-high" : "SR-average",
                                i == 7 ? null : i / 2 % 2 == 0 ? "female" : "male", start.AddDays(3 * i));
            await channel.RandomizeAsync(p.Site, p.Id, p.Risk, p.Sex);
            scenario.Participants.Add(p);
            if (i == 10)
            {
                // Randomized by mistake, with entries, then invalidated: left out of every export.
                await channel.MistakeAsync("X-0001", p.Randomized);
            }
        }
        app.Clock.Advance(Today.ToDateTime(TimeOnly.MinValue) - TestApp.Start.UtcDateTime.Date.AddDays(3 * (Count - 1)));
        await channel.RefreshAsync();

        long correctedRelapse = 0, correctedAdverseEvent = 0;
        for (int i = 0; i < Count; i++)
        {
            var p = scenario.Participants[i];
            var d = p.Randomized;
            async Task<long> Event(string kind, DateOnly date, string? site = null)
            {
                p.Dates.Add(date);
                return await channel.FollowUpAsync(p.Site, p.Id, kind, date, site);
            }
            async Task<long> Adverse(string term, int grade, DateOnly onset, DateOnly? end = null)
            {
                p.Dates.Add(onset);
                if (end is { } resolved) p.Dates.Add(resolved);
                p.AdverseEvents.Add((term, grade, onset));
                return await channel.AdverseEventAsync(p.Site, p.Id, term, grade, onset, end);
            }

            // Adverse events first, in onset order (deaths come later and nothing may follow a death).
            if (i % 3 == 0)
            {
                long id = await Adverse("Febrile neutropenia", 3, d.AddDays(10));
                if (i == 0) correctedAdverseEvent = id;
            }
            if (i % 5 == 0) await Adverse("Nausea", 2, d.AddDays(15));
            // Sepsis resolves for some: for those without follow-up (i % 10 == 9) its end date is the last contact.
            if (i % 4 == 1) await Adverse("Sepsis", 4, d.AddDays(20), i % 10 is 5 or 9 ? d.AddDays(45) : null);
            if (i % 11 == 4) await Adverse("Infection, other", 2, d.AddDays(25));
            if (i % 7 == 2) await Adverse("Catheter related infection", 3, d.AddDays(30));

            switch (i % 10)
            {
                case 0:
                    await Event("relapse", d.AddDays(100 + 7 * i), "marrow");
                    p.Relapse = (d.AddDays(100 + 7 * i), "marrow");
                    break;
                case 1:
                    long id = await Event("relapse", d.AddDays(200 + 5 * i), "cns");
                    p.Relapse = (d.AddDays(200 + 5 * i), "cns");
                    if (i == 1) correctedRelapse = id;
                    break;
                case 2:
                    await Event("relapse", d.AddDays(150 + 3 * i), "combined");
                    await Event("death", d.AddDays(400 + 3 * i));
                    p.Relapse = (d.AddDays(150 + 3 * i), "combined");
                    p.Death = d.AddDays(400 + 3 * i);
                    break;
                case 3:
                    await Event("relapse", d.AddDays(300), "marrow");
                    await Event("relapse", d.AddDays(250), "other");
                    p.Relapse = (d.AddDays(250), "other");
                    break;
                case 4:
                    await Event("death", d.AddDays(90 + 11 * i));
                    p.Death = d.AddDays(90 + 11 * i);
                    break;
                case 5:
                    await Event("second_malignancy", d.AddDays(500));
                    await Event("last_contact", d.AddDays(600));
                    p.SecondMalignancy = d.AddDays(500);
                    break;
                case 6:
                    await Event("last_contact", d.AddDays(650));
                    await Event("last_contact", d.AddDays(300));
                    break;
                case 7:
                    await Event("last_contact", d.AddDays(200));
                    await Adverse("Fatigue", 1, d.AddDays(420));
                    break;
                case 8:
                    // Two relapses on one day: the first recorded gives the site.
                    await Event("relapse", d.AddDays(180), "cns");
                    await Event("relapse", d.AddDays(180), "marrow");
                    await Event("second_malignancy", d.AddDays(450));
                    await Event("last_contact", d.AddDays(500));
                    p.Relapse = (d.AddDays(180), "cns");
                    p.SecondMalignancy = d.AddDays(450);
                    break;
                default:
                    break; // no follow-up: censored at the last adverse event, or at randomization
            }
        }

        // Corrections: only the current version counts, for the event and for last contact.
        var p1 = scenario.Participants[1];
        await channel.CorrectFollowUpAsync(p1.Site, p1.Id, correctedRelapse, "relapse", p1.Randomized.AddDays(190), "other", "source document re-read");
        p1.Dates.Remove(p1.Relapse!.Value.Date);
        p1.Dates.Add(p1.Randomized.AddDays(190));
        p1.Relapse = (p1.Randomized.AddDays(190), "other");
        var p0 = scenario.Participants[0];
        await channel.CorrectAdverseEventAsync(p0.Site, p0.Id, correctedAdverseEvent, "Sepsis", 4, p0.Randomized.AddDays(12), "culture positive", p0.Randomized.AddDays(19));
        p0.Dates.Remove(p0.Randomized.AddDays(10));
        p0.Dates.Add(p0.Randomized.AddDays(12));
        p0.Dates.Add(p0.Randomized.AddDays(19));
        p0.AdverseEvents[0] = ("Sepsis", 4, p0.Randomized.AddDays(12));

        // Arms as the service allocated them, read with the unblinded statistician's token.
        var list = await TestApp.Json(await (await FreshClient(app, "unblinded")).GetAsync("/trials/AALL1731/randomizations"));
        var arms = list.EnumerateArray().ToDictionary(r => r.GetProperty("participantId").GetString()!, r => r.GetProperty("arm").GetString()!);
        foreach (var p in scenario.Participants) p.Arm = arms[p.Id];
        Assert.Equal(2, scenario.Participants.Select(p => p.Arm).Distinct().Count());
        return scenario;
    }

    internal static async Task<HttpClient> FreshClient(TestApp app, string user)
    {
        var client = app.CreateClient();
        string token = (await app.Store.IssueTokenAsync(TestApp.Trial, user, TimeSpan.FromDays(30), "cli:test")).Token;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The planned data as the simple layout's two CSV files, written here without the export code.</summary>
    public (string Participants, string AdverseEvents) WriteSimpleCsv(string directory)
    {
        static string Field(string? value) => value is null ? "" : value.Contains(',') ? $"\"{value}\"" : value;
        string participants = Path.Combine(directory, "entered.csv"), adverseEvents = Path.Combine(directory, "entered_ae.csv");
        var lines = new List<string> { "participant_id,arm,site,risk_group,sex,randomization_date,last_contact_date,relapse_date,relapse_site,death_date,second_malignancy_date" };
        foreach (var p in Participants)
            lines.Add(string.Join(',', p.Id, p.Arm, p.Site, p.Risk, p.Sex ?? "", Iso(p.Randomized), Iso(p.LastContact),
                                  p.Relapse is { } r ? Iso(r.Date) : "", p.Relapse?.Site ?? "", p.Death is { } x ? Iso(x) : "",
                                  p.SecondMalignancy is { } s ? Iso(s) : ""));
        File.WriteAllLines(participants, lines);
        var ae = new List<string> { "participant_id,term,grade" };
        foreach (var p in Participants)
            foreach (var (term, grade, _) in p.AdverseEvents.OrderBy(a => a.Onset))
                ae.Add(string.Join(',', p.Id, Field(term), grade.ToString(CultureInfo.InvariantCulture)));
        File.WriteAllLines(adverseEvents, ae);
        return (participants, adverseEvents);
    }
}

/// <summary>How the scenario's entries reach the service: the JSON API or the site pages.</summary>
internal interface IEntryChannel
{
    /// <summary>Randomizes an eligible participant at <paramref name="site"/>, as that site's coordinator, with the covariate sex (null: not recorded).</summary>
    Task RandomizeAsync(string site, string participant, string risk, string? sex);

    /// <summary>As the admin: randomizes <paramref name="participant"/> at S1, records a sepsis and a death on <paramref name="date"/>, then invalidates it.</summary>
    Task MistakeAsync(string participant, DateOnly date);

    /// <summary>Called once the clock has jumped to the follow-up date (credentials and sessions are renewed).</summary>
    Task RefreshAsync();

    /// <summary>Records a follow-up event as the site's coordinator; returns the entry id.</summary>
    Task<long> FollowUpAsync(string site, string participant, string kind, DateOnly date, string? relapseSite);

    /// <summary>Records an adverse event as the site's coordinator; returns the entry id.</summary>
    Task<long> AdverseEventAsync(string site, string participant, string term, int grade, DateOnly onset, DateOnly? end = null);

    /// <summary>Corrects a follow-up entry with a reason.</summary>
    Task CorrectFollowUpAsync(string site, string participant, long entry, string kind, DateOnly date, string? relapseSite, string reason);

    /// <summary>Corrects an adverse-event entry with a reason.</summary>
    Task CorrectAdverseEventAsync(string site, string participant, long entry, string term, int grade, DateOnly onset, string reason, DateOnly? end = null);
}

/// <summary>Entries through the JSON API with bearer tokens.</summary>
internal sealed class ApiChannel(TestApp app) : IEntryChannel
{
    private readonly Dictionary<string, HttpClient> coordinators = new() { ["S1"] = app.As("coord1"), ["S2"] = app.As("coord2") };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task RandomizeAsync(string site, string participant, string risk, string? sex)
    {
        var body = sex is null
            ? TestApp.Enrolment(participant, site, risk)
            : new
            {
                participantId = participant,
                site,
                strata = new Dictionary<string, string> { ["risk"] = risk },
                eligibility = new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false },
                covariates = new Dictionary<string, string> { ["sex"] = sex },
            };
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(coordinators[site], body)).StatusCode);
    }

    public async Task MistakeAsync(string participant, DateOnly date)
    {
        var admin = app.As("admin");
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(admin, TestApp.Enrolment(participant, "S1"))).StatusCode);
        await Record(admin, participant, "adverse-events", new { term = "Sepsis", grade = 4, onsetDate = Iso(date) });
        await Record(admin, participant, "follow-up", new { kind = "death", date = Iso(date) });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/trials/AALL1731/randomizations/{participant}/invalidate", new { reason = "randomized the wrong person" })).StatusCode);
    }

    public async Task RefreshAsync()
    {
        // The seeded tokens lived a year; the users get fresh ones.
        foreach (var (site, user) in new[] { ("S1", "coord1"), ("S2", "coord2") }) coordinators[site] = await CapturedScenario.FreshClient(app, user);
    }

    public Task<long> FollowUpAsync(string site, string participant, string kind, DateOnly date, string? relapseSite) =>
        Record(coordinators[site], participant, "follow-up", relapseSite is null ? new { kind, date = Iso(date) } : new { kind, date = Iso(date), relapseSite });

    public Task<long> AdverseEventAsync(string site, string participant, string term, int grade, DateOnly onset, DateOnly? end = null) =>
        Record(coordinators[site], participant, "adverse-events", new { term, grade, onsetDate = Iso(onset), endDate = end is { } e ? Iso(e) : null });

    public Task CorrectFollowUpAsync(string site, string participant, long entry, string kind, DateOnly date, string? relapseSite, string reason) =>
        Correct(coordinators[site], participant, entry, new { kind, date = Iso(date), relapseSite, reason });

    public Task CorrectAdverseEventAsync(string site, string participant, long entry, string term, int grade, DateOnly onset, string reason, DateOnly? end = null) =>
        Correct(coordinators[site], participant, entry, new { kind = "adverse_event", date = Iso(onset), term, grade, reason, endDate = end is { } e ? Iso(e) : null });

    private static async Task<long> Record(HttpClient client, string participant, string what, object body)
    {
        var response = await client.PostAsJsonAsync($"/trials/AALL1731/participants/{participant}/{what}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{participant} {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await TestApp.Json(response)).GetProperty("entryId").GetInt64();
    }

    private static async Task Correct(HttpClient client, string participant, long entry, object body)
    {
        var response = await client.PostAsJsonAsync($"/trials/AALL1731/participants/{participant}/entries/{entry}/corrections", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{participant} correction: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>
/// Entries through the site pages, as people make them: sign in with a password, fill the forms (each POST carries the
/// anti-forgery token of the page it came from), follow the redirects. Sessions end after 30 idle minutes, and the clock
/// moves days between randomizations, so each randomization signs in afresh.
/// </summary>
internal sealed class PagesChannel(TestApp app) : IEntryChannel
{
    private const string Randomize = "/t/AALL1731/randomize";
    private readonly Dictionary<string, Pages.PageSession> sessions = [];

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Participant(string id) => $"/t/AALL1731/participants/{Uri.EscapeDataString(id)}";

    private static string CoordinatorOf(string site) => site == "S1" ? "coord1" : "coord2";

    private async Task<Pages.PageSession> SignInAsync(string user)
    {
        if (sessions.Remove(user, out var old)) old.Dispose();
        var session = new Pages.PageSession(app);
        var answer = await session.LoginAsync(user);
        Assert.True(answer.Status == 302, $"{user} could not sign in: {answer.Status}");
        return sessions[user] = session;
    }

    /// <summary>The form's answers; a sex of null is the "Not recorded" choice (an empty value), as the browser posts it.</summary>
    private static (string, string)[] Answers(string participant, string risk, string? sex) =>
    [
        ("participantId", participant), ("idempotencyKey", "page-" + participant), ("strata.risk", risk),
        ("eligibility.age", "yes"), ("eligibility.standard_risk", "yes"), ("eligibility.prior_therapy", "no"), ("covariates.sex", sex ?? ""),
    ];

    private static async Task ConfirmAsync(Pages.PageSession s, string participant, params (string, string)[] answers)
    {
        // Review, then confirm with the token of the review page, as the browser does.
        var review = await s.SubmitAsync(Randomize, Randomize + "?handler=Review", answers);
        Assert.True(review.Status == 200, $"{participant} review: {review.Status}");
        var confirm = await s.PostAsync(Randomize + "?handler=Confirm", [.. answers, ("__RequestVerificationToken", Pages.PageSession.AntiforgeryToken(review.Html))]);
        Assert.True(confirm.Status == 302, $"{participant} confirm: {confirm.Status} {confirm.Text}");
    }

    public async Task RandomizeAsync(string site, string participant, string risk, string? sex) =>
        await ConfirmAsync(await SignInAsync(CoordinatorOf(site)), participant, Answers(participant, risk, sex));

    public async Task MistakeAsync(string participant, DateOnly date)
    {
        var admin = await SignInAsync("admin");
        await ConfirmAsync(admin, participant, [.. Answers(participant, "SR-high", "female"), ("site", "S1")]);
        await Write(admin, participant, "AdverseEvent", ("ae.term", "Sepsis"), ("ae.grade", "4"), ("ae.date", Iso(date)));
        await Write(admin, participant, "FollowUp", ("fu.kind", "death"), ("fu.date", Iso(date)));
        var invalidated = await admin.SubmitAsync(Participant(participant), Participant(participant) + "?handler=Invalidate", ("inv.reason", "randomized the wrong person"));
        Assert.Equal(302, invalidated.Status);
    }

    public async Task RefreshAsync()
    {
        foreach (string user in new[] { "coord1", "coord2" }) await SignInAsync(user);
    }

    public Task<long> FollowUpAsync(string site, string participant, string kind, DateOnly date, string? relapseSite) =>
        Write(sessions[CoordinatorOf(site)], participant, "FollowUp",
              [("fu.kind", kind), ("fu.date", Iso(date)), .. relapseSite is null ? Array.Empty<(string, string)>() : [("fu.relapseSite", relapseSite)]]);

    public Task<long> AdverseEventAsync(string site, string participant, string term, int grade, DateOnly onset, DateOnly? end = null) =>
        Write(sessions[CoordinatorOf(site)], participant, "AdverseEvent", ("ae.term", term), ("ae.grade", grade.ToString(CultureInfo.InvariantCulture)), ("ae.date", Iso(onset)),
              ("ae.endDate", end is { } e ? Iso(e) : ""));

    public Task CorrectFollowUpAsync(string site, string participant, long entry, string kind, DateOnly date, string? relapseSite, string reason) =>
        Write(sessions[CoordinatorOf(site)], participant, $"Correct&entryId={entry}",
              [("c.kind", kind), ("c.date", Iso(date)), ("c.reason", reason), .. relapseSite is null ? Array.Empty<(string, string)>() : [("c.relapseSite", relapseSite)]]);

    public Task CorrectAdverseEventAsync(string site, string participant, long entry, string term, int grade, DateOnly onset, string reason, DateOnly? end = null) =>
        Write(sessions[CoordinatorOf(site)], participant, $"Correct&entryId={entry}",
              ("c.kind", "adverse_event"), ("c.term", term), ("c.grade", grade.ToString(CultureInfo.InvariantCulture)), ("c.date", Iso(onset)), ("c.reason", reason),
              ("c.endDate", end is { } e ? Iso(e) : ""));

    /// <summary>Posts one of the participant page's forms; the redirect names the entry saved (<c>?saved=N</c>).</summary>
    private static async Task<long> Write(Pages.PageSession s, string participant, string handler, params (string, string)[] fields)
    {
        var answer = await s.SubmitAsync(Participant(participant), Participant(participant) + "?handler=" + handler, fields);
        Assert.True(answer.Status == 302, $"{participant} {handler}: {answer.Status} {answer.Text}");
        var saved = System.Text.RegularExpressions.Regex.Match(answer.Location!, @"[?&]saved=(\d+)");
        return saved.Success ? long.Parse(saved.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
