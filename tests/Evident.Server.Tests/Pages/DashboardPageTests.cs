using System.Net;
using Evident.Analysis;
using Evident.Analysis.Capture;
using Evident.Storage;
using Evident.Analysis.Export;
using Evident.Analysis.Input;
using Evident.Reporting.Report;
using Evident.Randomization.Capture;
using Evident.Analysis.Results;

namespace Evident.Server.Tests.Pages;

/// <summary>
/// The DSMB dashboard: only the unblinded statistician sees it; its tables and figures are report.html's sections of the
/// analysis `evident export` + `evident analyze` would give on the same day; it is live (a new entry changes it).
/// </summary>
public sealed class DashboardPageTests
{
    private const string Dashboard = "/t/AALL1731/dashboard";

    /// <summary>
    /// 48 participants randomized every 4 days from 2026-01-15 at S1/S2, alternating risk groups; then, on 2027-03-01,
    /// marrow relapses (every 5th), CNS relapses (every 7th), deaths (every 11th), a second malignancy, last contacts and
    /// sepsis adverse events.
    /// </summary>
    internal static async Task<TestApp> TrialAsync(string? database = null)
    {
        var app = await new TestApp(database).SeedAsync(password: PageSession.Password);
        var coord = new[] { app.As("coord1"), app.As("coord2") };
        for (int i = 0; i < 48; i++)
        {
            var response = await TestApp.Randomize(coord[i % 2], TestApp.Enrolment($"P-{i:D2}", i % 2 == 0 ? "S1" : "S2", i % 3 == 0 ? "SR-average" : "SR-high"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            app.Clock.Advance(TimeSpan.FromDays(4));
        }
        app.Clock.Advance(TimeSpan.FromDays(218));
        var randomized = await app.Store.ListRandomizationsAsync(TestApp.Trial);
        foreach (var r in randomized)
        {
            int i = int.Parse(r.ParticipantId[2..], System.Globalization.CultureInfo.InvariantCulture);
            var start = DateOnly.FromDateTime(r.RandomizedAt.UtcDateTime);
            var input = i % 5 == 0 ? new CaptureInput(CaptureKind.Relapse, start.AddDays(60 + 2 * i), "marrow", null, null)
                : i % 7 == 0 ? new CaptureInput(CaptureKind.Relapse, start.AddDays(90 + 3 * i), "cns", null, null)
                : i % 11 == 0 ? new CaptureInput(CaptureKind.Death, start.AddDays(120 + i), null, null, null)
                : i == 13 ? new CaptureInput(CaptureKind.SecondMalignancy, start.AddDays(200), null, null, null)
                : new CaptureInput(CaptureKind.LastContact, start.AddDays(230 - i), null, null, null);
            await app.Store.RecordAsync(TestApp.Trial, r.ParticipantId, input, "coord");
            if (i % 4 == 1) await app.Store.RecordAsync(TestApp.Trial, r.ParticipantId, new CaptureInput(CaptureKind.AdverseEvent, start.AddDays(10), null, "Sepsis", 3 + i % 2), "coord");
        }
        return app;
    }

    /// <summary>The analysis of the trial as exported to the simple layout and read back by analyze's loader, cut off today.</summary>
    internal static async Task<AnalysisResults> ExportedAnalysisAsync(TestApp app)
    {
        var captured = CapturedTrial.Map(await app.Store.ReadCapturedAsync(TestApp.Trial));
        var (participants, adverseEvents) = CapturedTrial.SimpleTables(captured.Trial.Protocol, captured.Randomizations, captured.Entries);
        string directory = Path.Combine(Path.GetTempPath(), $"evident-dashboard-{Guid.NewGuid():N}");
        try
        {
            var (p, ae) = DataSetFiles.WriteSimple(participants, adverseEvents, directory, DataFileFormat.Csv);
            var data = TrialDataLoader.Load(captured.Trial.Protocol, p, ae);
            return TrialAnalysis.Run(captured.Trial.Protocol, data, new AnalysisOptions { Cutoff = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime) });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task TheDashboardShowsTheSameAnalysisAsExportThenAnalyze()
    {
        using var app = await TrialAsync();
        using var dsmb = new PageSession(app);
        await dsmb.LoginAsync("unblinded");
        var page = await dsmb.GetAsync(Dashboard);
        Assert.Equal(200, page.Status);

        var expected = await ExportedAnalysisAsync(app);
        Assert.Equal(48, expected.Participants);
        int events = expected.Primary.Overall.Arms.Sum(a => a.Events);
        Assert.Equal(10 + 5 + 4 + 1, events); // marrow 0,5,…,45; CNS 7,14,21,28,42 (35 is marrow); deaths 11,22,33,44 (0 is marrow); P-13 second malignancy
        // Every section of the closed report, written by the report's own code (not a second copy of it).
        foreach (var section in ReportSection.All.Where(s => s.In(ReportKind.Closed)))
        {
            string html = HtmlReport.Section(expected, section);
            if (section != ReportSection.Forest) Assert.False(string.IsNullOrEmpty(html), $"{section} is empty");
            Assert.Contains(html, page.Html);
        }
        foreach (string figure in new[] { "accrual-strata", "accrual-sites", "consort", "km-0", "km-1", "km-2", "monitoring", "cif-0", "cif-1" })
            Assert.Contains($"<figure data-figure=\"{figure}\"><svg", page.Html);
        Assert.Contains("UNBLINDED: for the data-monitoring committee only.", page.Text);
        Assert.Contains("data as of 2027-03-01", page.Text);
        Assert.Contains($"48 randomized", page.Text);
        // Follow-up is at most 410 days: the 3-year DFS is not estimable, and the dashboard says so instead of a number.
        Assert.Contains("<td>not estimable (follow-up too short)</td>", page.Html);

        // Enrolment table, sites as rows (a trial may have many): risk is SR-average for i % 3 == 0 (16 participants), sites alternate.
        string compact = System.Text.RegularExpressions.Regex.Replace(page.Html, @">\s+<", "><");
        Assert.Contains("<th scope=\"col\">Site</th><th scope=\"col\" class=\"num\">SR-average</th><th scope=\"col\" class=\"num\">SR-high</th><th scope=\"col\" class=\"num\">Total</th>", compact);
        Assert.Contains("<th scope=\"row\">S1</th><td class=\"num\">8</td><td class=\"num\">16</td><td class=\"num\">24</td>", compact);
        Assert.Contains("<th scope=\"row\">S2</th><td class=\"num\">8</td><td class=\"num\">16</td><td class=\"num\">24</td>", compact);
        Assert.Contains("<th scope=\"row\">Total</th><td class=\"num\">16</td><td class=\"num\">32</td><td class=\"num\">48</td>", compact);
    }

    [Fact]
    public async Task TheDashboardShowsEachLooksPredictedDate()
    {
        using var app = await TrialAsync();
        using var dsmb = new PageSession(app);
        await dsmb.LoginAsync("unblinded");
        var page = await dsmb.GetAsync(Dashboard);
        var captured = CapturedTrial.Map(await app.Store.ReadCapturedAsync(TestApp.Trial));
        var forecast = Evident.Analysis.Forecast.TrialForecast.Run(captured.Trial.Protocol, captured.Data,
            new Evident.Analysis.Forecast.ForecastSettings { Cutoff = new DateOnly(2027, 3, 1), Replicates = 2000 });
        Assert.Equal(4, forecast.Looks.Count);
        Assert.Contains("Forecast of the looks", page.Text);
        Assert.Contains("20 of 165 planned events, 48 participants of 1440", page.Text);
        string compact = System.Text.RegularExpressions.Regex.Replace(page.Html, @">\s+<", "><");
        foreach (var look in forecast.Looks)
        {
            string Day(DateOnly? d) => d!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(look.Reached);
            Assert.Contains($"<td data-predicted-date>{Day(look.PredictedDate)}</td><td>{Day(look.Lower)} to {Day(look.Upper)}</td>", compact);
        }
    }

    [Fact]
    public async Task TheDashboardIsLiveAndLeavesInvalidatedRandomizationsOut()
    {
        using var app = await TrialAsync();
        using var dsmb = new PageSession(app);
        await dsmb.LoginAsync("unblinded");
        var before = await ExportedAnalysisAsync(app);

        await app.Store.RecordAsync(TestApp.Trial, "P-01", new CaptureInput(CaptureKind.Relapse, new DateOnly(2026, 9, 1), "other", null, null), "coord1");
        await app.Store.InvalidateAsync(TestApp.Trial, "P-02", "randomized twice by mistake", "admin");
        var page = await dsmb.GetAsync(Dashboard);
        var after = await ExportedAnalysisAsync(app);
        Assert.Equal(47, after.Participants);
        Assert.Equal(before.Primary.Overall.Arms.Sum(a => a.Events) + 1, after.Primary.Overall.Arms.Sum(a => a.Events));
        Assert.Contains(HtmlReport.Section(after, ReportSection.Primary), page.Html);
        Assert.DoesNotContain(HtmlReport.Section(before, ReportSection.Primary), page.Html);
        Assert.Contains("47 randomized (1 invalidated randomization left out)", page.Text);
    }

    [Fact]
    public async Task OnlyTheUnblindedStatisticianMayOpenIt()
    {
        using var app = await TrialAsync();
        foreach (string user in new[] { "admin", "coord1", "coord2", "blinded" })
        {
            using var session = new PageSession(app);
            await session.LoginAsync(user);
            var page = await session.GetAsync(Dashboard);
            Assert.Equal(403, page.Status);
            Assert.DoesNotContain("km-0", page.Html);
            Assert.DoesNotContain("DSMB dashboard</a>", (await session.GetAsync("/t/AALL1731")).Html);
        }
        using var dsmb = new PageSession(app);
        await dsmb.LoginAsync("unblinded");
        Assert.Equal(404, (await dsmb.GetAsync("/t/OTHER/dashboard")).Status);
        Assert.Contains("DSMB dashboard</a>", (await dsmb.GetAsync("/t/AALL1731")).Html);

        using var anonymous = new PageSession(app);
        var redirect = await anonymous.GetAsync(Dashboard);
        Assert.Equal(302, redirect.Status);
        Assert.StartsWith("/login", new Uri(new Uri("http://x"), redirect.Location!).PathAndQuery);
    }

    [Fact]
    public async Task TheInterimEndpointGivesTheDashboardsNumbersAsResultsJsonToTheUnblindedStatisticianOnly()
    {
        using var app = await TrialAsync();
        // The seeded tokens expired with the year the scenario took; every user gets a fresh one.
        var clients = new Dictionary<string, HttpClient>();
        foreach (string user in new[] { "admin", "coord1", "blinded", "unblinded" })
        {
            var client = app.CreateClient();
            string token = (await app.Store.IssueTokenAsync(TestApp.Trial, user, TimeSpan.FromDays(30), "cli:test")).Token;
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            clients[user] = client;
        }
        var response = await clients["unblinded"].GetAsync("/trials/AALL1731/interim");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = await ExportedAnalysisAsync(app);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var reference = System.Text.Json.JsonDocument.Parse(ResultsJson.Render(expected)).RootElement;
        foreach (string key in new[] { "participants", "data_cutoff", "overall", "strata", "subgroups", "relapse_sites", "safety" })
            Assert.Equal(reference.GetProperty(key).GetRawText(), json.GetProperty(key).GetRawText());
        Assert.Equal(reference.GetProperty("monitoring").GetRawText(), json.GetProperty("monitoring").GetRawText());
        // At most 410 days of follow-up: the 3-year DFS of the legacy keys is null with the reason, as in analyses[].arms[].milestones[].
        string milestone = json.GetProperty("milestone_key").GetString()!;
        foreach (var arm in json.GetProperty("overall").GetProperty("arms").EnumerateArray())
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, arm.GetProperty(milestone).ValueKind);
            Assert.False(arm.GetProperty(milestone + "_estimable").GetBoolean());
            Assert.Equal("follow-up too short", arm.GetProperty(milestone + "_reason").GetString());
        }

        foreach (string user in new[] { "admin", "coord1", "blinded" })
            Assert.Equal(HttpStatusCode.Forbidden, (await clients[user].GetAsync("/trials/AALL1731/interim")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clients["unblinded"].GetAsync("/trials/OTHER/interim")).StatusCode);
    }

    [Fact]
    public async Task TheInterimEndpointSaysWhyWhenThereIsNoAnalysisYet()
    {
        using var app = await new TestApp().SeedAsync();
        var response = await app.As("unblinded").GetAsync("/trials/AALL1731/interim");
        await TestApp.AssertProblem(response, 409);
        Assert.Equal("The analysis cannot be computed yet: nobody has been randomized yet.", (await TestApp.Json(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BeforeAnyRandomizationTheDashboardSaysWhyThereIsNoAnalysis()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var dsmb = new PageSession(app);
        await dsmb.LoginAsync("unblinded");
        var empty = await dsmb.GetAsync(Dashboard);
        Assert.Equal(200, empty.Status);
        Assert.Contains("Nobody has been randomized yet.", empty.Text);
        Assert.Contains("The analysis cannot be computed yet: nobody has been randomized yet.", empty.Text);

        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        var one = await dsmb.GetAsync(Dashboard);
        Assert.Equal(200, one.Status);
        Assert.Contains("1 randomized", one.Text);
        Assert.Contains("<figure data-figure=\"accrual-strata\"><svg", one.Html);
        // One participant and no event: the analysis runs and says so (no hazard ratio can be estimated).
        Assert.Contains("0 disease-free survival events", one.Text);
        Assert.Contains("<td>not estimable</td>", one.Html);
        Assert.DoesNotContain("NA (NA to NA)", one.Html);
    }
}
