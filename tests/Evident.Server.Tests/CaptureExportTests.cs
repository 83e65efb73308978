using System.Net;
using Evident.Cli;
using Evident.Trials.Capture;

namespace Evident.Server.Tests;

public sealed class CaptureExportTests
{
    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EvidentApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static CaptureInput Event(CaptureKind kind, DateOnly date, string? site = null) => new(kind, date, site, null, null);

    [Fact]
    public async Task Export_writes_the_simple_layout_atomically_and_evident_analyze_runs_on_it()
    {
        await using var app = await new TestApp().SeedAsync();
        var start = DateOnly.FromDateTime(TestApp.Start.UtcDateTime);
        for (int i = 0; i < 24; i++)
        {
            var response = await TestApp.Randomize(app.As(i % 2 == 0 ? "coord1" : "coord2"), TestApp.Enrolment($"P{i:00}", i % 2 == 0 ? "S1" : "S2", i % 3 == 0 ? "SR-high" : "SR-average"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            app.Clock.Advance(TimeSpan.FromDays(5));
        }
        // A participant randomized by mistake is invalidated and left out of the export.
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("X99", "S1"))).StatusCode);
        await app.Store.InvalidateAsync(TestApp.Trial, "X99", "randomized twice", "cli:test");
        app.Clock.Advance(TimeSpan.FromDays(900));

        long p01Relapse = 0;
        for (int i = 0; i < 24; i++)
        {
            string p = $"P{i:00}";
            var d = start.AddDays(5 * i);
            async Task Add(CaptureInput input) => await app.Store.RecordAsync(TestApp.Trial, p, input, "coord");
            switch (i % 6)
            {
                case 0: await Add(Event(CaptureKind.Relapse, d.AddDays(200 + i), "marrow")); break;
                case 1:
                    long id = (await app.Store.RecordAsync(TestApp.Trial, p, Event(CaptureKind.Relapse, d.AddDays(300), "cns"), "coord")).EntryId;
                    if (i == 1) p01Relapse = id;
                    break;
                case 2: await Add(Event(CaptureKind.Relapse, d.AddDays(150), "combined")); await Add(Event(CaptureKind.Death, d.AddDays(400))); break;
                case 3: await Add(Event(CaptureKind.Death, d.AddDays(250))); break;
                case 4: await Add(Event(CaptureKind.SecondMalignancy, d.AddDays(500))); await Add(Event(CaptureKind.LastContact, d.AddDays(600))); break;
                default: await Add(Event(CaptureKind.LastContact, d.AddDays(700))); break;
            }
            if (i % 2 == 0) await Add(new CaptureInput(CaptureKind.AdverseEvent, d.AddDays(10), null, "Febrile neutropenia", 3));
            if (i % 4 == 1) await Add(new CaptureInput(CaptureKind.AdverseEvent, d.AddDays(20), null, "Sepsis, other", 4));
        }
        // Only the current version is exported.
        await app.Store.CorrectAsync(TestApp.Trial, "P01", p01Relapse, Event(CaptureKind.Relapse, start.AddDays(5 + 290), "other"), "site re-read", "coord");

        string root = Path.Combine(Path.GetTempPath(), $"evident-export-{Guid.NewGuid():N}");
        string dir = Path.Combine(root, "export");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "stale.txt"), "replaced");
            var (code, output, error) = Cli("export", "--db", app.Database, "--trial", TestApp.Trial, "--out", dir);
            Assert.True(code == 0, error);
            Assert.Contains("Exported 24 participants and 18 adverse events", output);
            Assert.Equal(new[] { "adverse_events.csv", "participants.csv" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(new[] { "export" }, Directory.GetFileSystemEntries(root).Select(Path.GetFileName));

            var rows = File.ReadAllLines(Path.Combine(dir, "participants.csv"));
            Assert.Equal(25, rows.Length);
            Assert.Equal("participant_id,arm,site,risk_group,sex,randomization_date,last_contact_date,relapse_date,relapse_site,death_date,second_malignancy_date", rows[0]);
            var arms = (await app.Store.ListRandomizationsAsync(TestApp.Trial)).ToDictionary(r => r.ParticipantId, r => r.Arm);
            Assert.Equal($"P00,{arms["P00"]},S1,SR-high,,2026-01-15,2026-08-03,2026-08-03,marrow,,", rows[1]);
            Assert.Equal($"P01,{arms["P01"]},S2,SR-average,,2026-01-20,2026-11-06,2026-11-06,other,,", rows[2]);
            Assert.Equal($"P02,{arms["P02"]},S1,SR-average,,2026-01-25,2027-03-01,2026-06-24,combined,2027-03-01,", rows[3]);
            Assert.Equal($"P04,{arms["P04"]},S1,SR-average,,2026-02-04,2027-09-27,,,,2027-06-19", rows[5]);
            var aes = File.ReadAllLines(Path.Combine(dir, "adverse_events.csv"));
            Assert.Equal("participant_id,term,grade,onset_date", aes[0]);
            Assert.Equal("P00,Febrile neutropenia,3,2026-01-25", aes[1]);
            Assert.Equal("P01,\"Sepsis, other\",4,2026-02-09", aes[2]);
            Assert.Equal(19, aes.Length);

            string report = Path.Combine(root, "report");
            string protocol = Path.Combine(AppContext.BaseDirectory, "fixtures", "aall1731.yaml");
            var analyze = Cli("analyze", protocol, "--data", Path.Combine(dir, "participants.csv"), "--ae", Path.Combine(dir, "adverse_events.csv"), "--out", report);
            Assert.True(analyze.Code == 0, analyze.Err + analyze.Out);
            Assert.NotEmpty(Directory.GetFiles(report, "*", SearchOption.AllDirectories));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Export_of_an_unknown_trial_is_a_usage_error()
    {
        string db = Path.Combine(Path.GetTempPath(), $"evident-export-{Guid.NewGuid():N}.db");
        try
        {
            var (code, _, error) = Cli("export", "--db", db, "--trial", "NOPE", "--out", Path.Combine(Path.GetTempPath(), "never"));
            Assert.Equal(2, code);
            Assert.Contains("Trial 'NOPE' does not exist", error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        }
    }
}
