using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evident.Reporting.Report;
using Evident.Randomization.Capture;
using Evident.Server.Tests.Pages;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// Frozen data cuts: the unblinded statistician freezes the captured data (stored once, hashed, audited); a cut's open
/// and closed reports are those of export + analyze on the same data at its cut-off and stay the same when the live data
/// change; every view of unblinded data (dashboard, /interim, a report download) writes an audit record; other roles get
/// 403 and change nothing. On SQLite and PostgreSQL.
/// </summary>
public sealed class DataCutTests
{
    private const string Cuts = "/trials/AALL1731/data-cuts";

    [Fact]
    public Task A_frozen_cut_keeps_its_reports_and_every_view_is_audited_on_sqlite() => FreezeAndRead(null);

    [Fact]
    public async Task A_frozen_cut_keeps_its_reports_and_every_view_is_audited_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await FreezeAndRead(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task FreezeAndRead(string? database)
    {
        using var app = await DashboardPageTests.TrialAsync(database);
        var unblinded = await FreshClientAsync(app);
        string today = app.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var expected = await DashboardPageTests.ExportedAnalysisAsync(app);

        var created = await unblinded.PostAsJsonAsync(Cuts, new { cutoff = today });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cut = await TestApp.Json(created);
        Assert.Equal(1, cut.GetProperty("id").GetInt64());
        Assert.Equal(today, cut.GetProperty("cutoff").GetString());
        Assert.Equal(48, cut.GetProperty("participants").GetInt32());
        string hash = cut.GetProperty("dataSha256").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal("/trials/AALL1731/data-cuts/1", created.Headers.Location!.OriginalString);

        // The closed report and results are export + analyze's on the same day; the hash is the export files' (sha256sum rule).
        string closed = await unblinded.GetStringAsync($"{Cuts}/1/reports/closed");
        var results = JsonDocument.Parse(await unblinded.GetStringAsync($"{Cuts}/1/results/closed")).RootElement;
        Assert.Equal(hash, results.GetProperty("report").GetProperty("data_sha256").GetString());
        Assert.Equal(expected.DataSha256, hash);
        Assert.Equal("closed", results.GetProperty("report").GetProperty("kind").GetString());
        Assert.Equal(Numbers(ResultsJson.Render(expected)), Numbers(results.GetRawText()));
        Assert.Contains(hash, closed);
        Assert.Contains("data-provenance=\"closed\"", closed);
        string open = await unblinded.GetStringAsync($"{Cuts}/1/reports/open");
        Assert.Contains("data-provenance=\"open\"", open);
        Assert.DoesNotContain("data-table=\"primary\"", open);

        // The live data change; the cut does not.
        await app.Store.RecordAsync(TestApp.Trial, "P-01", new CaptureInput(CaptureKind.Death, new DateOnly(2026, 12, 1), null, null, null), "coord");
        Assert.Equal(closed, await unblinded.GetStringAsync($"{Cuts}/1/reports/closed"));
        var live = JsonDocument.Parse(await unblinded.GetStringAsync("/trials/AALL1731/interim")).RootElement;
        Assert.NotEqual(Numbers(results.GetRawText()), Numbers(live.GetRawText()));

        // A second cut gets the next number and another hash; the list shows both.
        var second = await TestApp.Json(await unblinded.PostAsJsonAsync(Cuts, new { }));
        Assert.Equal(2, second.GetProperty("id").GetInt64());
        Assert.NotEqual(hash, second.GetProperty("dataSha256").GetString());
        var list = await TestApp.Json(await unblinded.GetAsync(Cuts));
        Assert.Equal([1L, 2L], list.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));

        // Audit: two freezes with their hashes, a view record per download and per /interim, and the chain verifies.
        var audit = await app.Store.ReadAuditAsync(TestApp.Trial);
        var freezes = audit.Where(r => r.Action == "data_cut.freeze").ToArray();
        Assert.Equal(2, freezes.Length);
        Assert.Contains($"\"data_sha256\":\"{hash}\"", freezes[0].Details);
        var views = audit.Where(r => r.Action == "unblinded.view").Select(r => r.Details).ToArray();
        Assert.Equal(4, views.Count(d => d.Contains("\"view\":\"report\"")));
        Assert.Single(views, d => d.Contains("\"view\":\"interim\""));
        Assert.All(audit.Where(r => r.Action == "unblinded.view"), r => Assert.Equal("unblinded", r.Actor));
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
    }

    [Fact]
    public async Task Other_roles_get_403_and_freeze_nothing()
    {
        await using var app = await new TestApp().SeedAsync();
        string before = await app.SnapshotAsync();
        foreach (string user in new[] { "admin", "coord1", "blinded" })
        {
            var client = app.As(user);
            await TestApp.AssertProblem(await client.PostAsJsonAsync(Cuts, new { }), 403);
            await TestApp.AssertProblem(await client.GetAsync(Cuts), 403);
            await TestApp.AssertProblem(await client.GetAsync($"{Cuts}/1/reports/closed"), 403);
        }
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Empty(await app.Store.ListDataCutsAsync(TestApp.Trial));
    }

    [Fact]
    public async Task A_bad_cutoff_or_report_is_refused_with_the_field_at_fault()
    {
        await using var app = await new TestApp().SeedAsync();
        var unblinded = app.As("unblinded");
        var notADate = await unblinded.PostAsJsonAsync(Cuts, new { cutoff = "2026-13-01" });
        await TestApp.AssertProblem(notADate, 400);
        Assert.Contains("cutoff", await notADate.Content.ReadAsStringAsync());
        await TestApp.AssertProblem(await unblinded.PostAsJsonAsync(Cuts, new { cutoff = "2099-01-01" }), 400);
        Assert.Empty(await app.Store.ListDataCutsAsync(TestApp.Trial));
        await TestApp.AssertProblem(await unblinded.GetAsync($"{Cuts}/7/reports/closed"), 404);
        await TestApp.AssertProblem(await unblinded.GetAsync($"{Cuts}/1/reports/pooled"), 400);
    }

    [Fact]
    public async Task A_cut_altered_in_the_database_is_refused()
    {
        using var app = await DashboardPageTests.TrialAsync();
        var unblinded = await FreshClientAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await unblinded.PostAsJsonAsync(Cuts, new { })).StatusCode);
        await Databases.RowsAsync(app.Database, "UPDATE data_cuts SET participants_csv = REPLACE(participants_csv, 'S1', 'S2')");
        var answer = await unblinded.GetAsync($"{Cuts}/1/reports/closed");
        await TestApp.AssertProblem(answer, 500);
        Assert.Contains("no longer matches its SHA-256", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_freezes_a_cut_shows_it_and_links_its_reports_each_view_audited()
    {
        using var app = await DashboardPageTests.TrialAsync();
        using var dsmb = new PageSession(app);
        await dsmb.LoginAsync("unblinded");
        var page = await dsmb.GetAsync("/t/AALL1731/dashboard");
        Assert.Contains("data-freeze", page.Html);
        var frozen = await dsmb.SubmitAsync("/t/AALL1731/dashboard", "/t/AALL1731/dashboard?handler=Freeze", ("cutoff", "2027-02-01"));
        Assert.Equal(302, frozen.Status);
        Assert.Equal("/t/AALL1731/dashboard?cut=1", frozen.Location);
        var cut = await dsmb.GetAsync(frozen.Location!);
        Assert.Equal(200, cut.Status);
        Assert.Contains("data-cut=\"1\"", cut.Html);
        Assert.Contains("cut-off 2027-02-01", cut.Text);
        Assert.Contains("data as of 2027-02-01", cut.Text);
        foreach (string kind in new[] { "closed", "open" })
        {
            Assert.Contains($"href=\"/t/AALL1731/dashboard/cuts/1/{kind}\"", cut.Html);
            var report = await dsmb.GetAsync($"/t/AALL1731/dashboard/cuts/1/{kind}");
            Assert.Equal(200, report.Status);
            Assert.Contains($"data-provenance=\"{kind}\"", report.Html);
            Assert.Contains("2027-02-01", Regex.Match(report.Html, "<dt>Data cut-off</dt><dd>([^<]*)</dd>").Groups[1].Value);
        }
        var bad = await dsmb.SubmitAsync("/t/AALL1731/dashboard", "/t/AALL1731/dashboard?handler=Freeze", ("cutoff", "2099-01-01"));
        Assert.Equal(400, bad.Status);
        Assert.Contains("after today", bad.Text);
        Assert.Single(await app.Store.ListDataCutsAsync(TestApp.Trial));

        var views = (await app.Store.ReadAuditAsync(TestApp.Trial)).Where(r => r.Action == "unblinded.view").Select(r => r.Details).ToArray();
        // Five pages with unblinded data: the first view, the form's page twice, the cut, the refused freeze's page.
        Assert.Equal(5, views.Count(d => d.Contains("\"view\":\"dashboard\"")));
        Assert.Equal(2, views.Count(d => d.Contains("\"cut\":1,") && d.Contains("\"view\":\"report\"")));
    }

    /// <summary>The unblinded statistician's client with a token issued today (the trial's clock ran past the seeded ones).</summary>
    private static async Task<HttpClient> FreshClientAsync(TestApp app)
    {
        var token = await app.Store.IssueTokenAsync(TestApp.Trial, "unblinded", TimeSpan.FromDays(30), "cli:test");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>results.json without what names the inputs (protocol file, data source, the report block's hashes): every number stays.</summary>
    private static string Numbers(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        foreach (string key in new[] { "protocol", "data_source", "report" }) node.Remove(key);
        return node.ToJsonString();
    }
}
