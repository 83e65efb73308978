using Evident.Storage;
using Evident.Randomization;
using System.Net;
using Evident.Analysis.Capture;
using Evident.Analysis.Input;
using Evident.Cli;
using Evident.Randomization.Capture;

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
    public async Task Export_writes_an_id_stored_before_the_id_rule_as_stored_and_warns_about_it()
    {
        await using var app = await new TestApp().SeedAsync();
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("site:1.004", "S1"))).StatusCode);
        var old = new EnrolmentRequest("A/B 7", "S1", new Dictionary<string, string> { ["risk"] = "SR-high" },
            new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false });
        await app.Store.RandomizeAsync(TestApp.Trial, old, null, new Random(1), "cli:test");
        string dir = Path.Combine(Path.GetTempPath(), $"evident-export-{Guid.NewGuid():N}");
        try
        {
            var (code, _, error) = Cli("export", "--db", app.Database, "--trial", TestApp.Trial, "--out", dir, "--layout", "simple");
            Assert.Equal(0, code);
            Assert.Equal($"evident: warning: participant 'A/B 7' was stored before the id rule and is exported as stored: " +
                         $"The participant id contains '/' (U+002F), which is not allowed. {ParticipantIds.Rule}\n", error);
            string participants = File.ReadAllText(Path.Combine(dir, "participants.csv"));
            Assert.Contains("A/B 7", participants);
            Assert.Contains("site:1.004", participants);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

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
            if (i % 4 == 1) await Add(new CaptureInput(CaptureKind.AdverseEvent, d.AddDays(20), null, "Sepsis, other", 4) { EndDate = i == 1 ? d.AddDays(27) : null });
        }
        // Only the current version is exported.
        await app.Store.CorrectAsync(TestApp.Trial, "P01", p01Relapse, Event(CaptureKind.Relapse, start.AddDays(5 + 290), "other"), "site re-read", "coord");

        string root = Path.Combine(Path.GetTempPath(), $"evident-export-{Guid.NewGuid():N}");
        string dir = Path.Combine(root, "export");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "stale.txt"), "replaced");
            var (code, output, error) = Cli("export", "--db", app.Database, "--trial", TestApp.Trial, "--out", dir, "--layout", "simple");
            Assert.True(code == 0, error);
            Assert.Contains("Exported 24 participants and 18 adverse events of trial AALL1731", output);
            Assert.Contains("UNBLINDED", output);
            Assert.EndsWith($"evident analyze {dir}/protocol.yaml --data {dir}/participants.csv --ae {dir}/adverse_events.csv\n", output);
            Assert.Equal(new[] { "adverse_events.csv", "participants.csv", "protocol.yaml" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(new[] { "export" }, Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
            var stored = await app.Store.GetTrialAsync(TestApp.Trial);
            // The protocol file exactly as registered (comments and all), so reports carry the registered hash.
            Assert.Equal(TestApp.ProtocolYaml, File.ReadAllText(Path.Combine(dir, "protocol.yaml")));
            Assert.Equal(stored!.Protocol.Hash, Evident.Protocol.TrialProtocol.Load(Path.Combine(dir, "protocol.yaml")).Hash);

            var rows = File.ReadAllLines(Path.Combine(dir, "participants.csv"));
            Assert.Equal(25, rows.Length);
            Assert.Equal("\"participant_id\",\"arm\",\"site\",\"risk_group\",\"sex\",\"randomization_date\",\"last_contact_date\",\"relapse_date\",\"relapse_site\",\"death_date\",\"second_malignancy_date\",\"death_cause\",\"off_therapy_date\",\"off_therapy_reason\",\"withdrawal_date\",\"withdrawal_reason\",\"withdrawal_follow_up\",\"lost_date\",\"lost_reason\"", rows[0]);
            var arms = (await app.Store.ListRandomizationsAsync(TestApp.Trial)).ToDictionary(r => r.ParticipantId, r => r.Arm);
            Assert.Equal($"\"P00\",\"{arms["P00"]}\",\"S1\",\"SR-high\",,\"2026-01-15\",\"2026-08-03\",\"2026-08-03\",\"marrow\",,,,,,,,,,", rows[1]);
            Assert.Equal($"\"P01\",\"{arms["P01"]}\",\"S2\",\"SR-average\",,\"2026-01-20\",\"2026-11-06\",\"2026-11-06\",\"other\",,,,,,,,,,", rows[2]);
            Assert.Equal($"\"P02\",\"{arms["P02"]}\",\"S1\",\"SR-average\",,\"2026-01-25\",\"2027-03-01\",\"2026-06-24\",\"combined\",\"2027-03-01\",,,,,,,,,", rows[3]);
            Assert.Equal($"\"P04\",\"{arms["P04"]}\",\"S1\",\"SR-average\",,\"2026-02-04\",\"2027-09-27\",,,,\"2027-06-19\",,,,,,,,", rows[5]);
            var aes = File.ReadAllLines(Path.Combine(dir, "adverse_events.csv"));
            Assert.Equal("\"participant_id\",\"term\",\"grade\",\"onset_date\",\"end_date\",\"serious\",\"serious_criteria\",\"attribution\",\"action_taken\",\"outcome\"", aes[0]);
            // Recorded without an assessment: its columns are empty.
            Assert.Equal("\"P00\",\"Febrile neutropenia\",3,\"2026-01-25\",,,,,,", aes[1]);
            Assert.Equal("\"P01\",\"Sepsis, other\",4,\"2026-02-09\",\"2026-02-16\",,,,,", aes[2]);
            Assert.Equal(19, aes.Length);

            // The default layout is ADaM (CSV); the same directory is replaced whole.
            var adam = Cli("export", "--db", app.Database, "--trial", TestApp.Trial, "--out", dir);
            Assert.True(adam.Code == 0, adam.Err);
            Assert.EndsWith($"evident analyze {dir}/protocol.yaml --data {dir}\n", adam.Out);
            Assert.Equal(new[] { "adae.csv", "adsl.csv", "adtte.csv", "protocol.yaml" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var adtte = File.ReadAllLines(Path.Combine(dir, "adtte.csv"));
            Assert.Equal("\"USUBJID\",\"PARAMCD\",\"AVAL\",\"CNSR\",\"STARTDT\",\"ADT\",\"EVNTDESC\",\"CNSDTDSC\"", adtte[0]);
            // P02: combined relapse on day 150, then death: DFS and first event are the relapse.
            Assert.Equal("\"P02\",\"DFS\",150,0,\"2026-01-25\",\"2026-06-24\",\"COMBINED RELAPSE\",", adtte[5]);
            Assert.Equal("\"P02\",\"FIRSTEVT\",150,0,\"2026-01-25\",\"2026-06-24\",\"COMBINED RELAPSE\",", adtte[6]);
            // P05: censored at the last contact, day 700.
            Assert.Equal("\"P05\",\"DFS\",700,1,\"2026-02-09\",\"2028-01-10\",,\"LAST CONTACT\"", adtte[11]);
            Assert.Equal(49, adtte.Length);

            string report = Path.Combine(root, "report");
            var analyze = Cli("analyze", Path.Combine(dir, "protocol.yaml"), "--data", dir, "--out", report);
            Assert.True(analyze.Code == 0, analyze.Err + analyze.Out);
            Assert.NotEmpty(Directory.GetFiles(report, "*", SearchOption.AllDirectories));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_options_an_unknown_trial_and_an_unwritable_directory_exit_2_and_leave_nothing_behind()
    {
        await using var app = await new TestApp().SeedAsync();
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P01", "S1"))).StatusCode);
        string root = Path.Combine(Path.GetTempPath(), $"evident-export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        string never = Path.Combine(root, "never");
        string missingDb = Path.Combine(root, "missing.db");
        try
        {
            void Refused(string message, params string[] args)
            {
                var (code, output, error) = Cli(["export", .. args]);
                Assert.Equal(2, code);
                Assert.Contains(message, error);
                Assert.Equal("", output);
            }
            Refused("--format 'xpt' is for --layout adam only", "--db", missingDb, "--trial", TestApp.Trial, "--out", never, "--layout", "simple", "--format", "xpt");
            Refused("--layout 'sdtm': expected adam or simple.", "--db", missingDb, "--trial", TestApp.Trial, "--out", never, "--layout", "sdtm");
            Refused("--format 'sas7bdat': expected csv, parquet or xpt.", "--db", missingDb, "--trial", TestApp.Trial, "--out", never, "--format", "sas7bdat");
            // Options are checked before the database is opened (a SQLite file would be created).
            Assert.False(File.Exists(missingDb));
            Refused("Trial 'NOPE' does not exist.", "--db", app.Database, "--trial", "NOPE", "--out", never);

            // A file where the directory's parent should be: nothing can be written there.
            string file = Path.Combine(root, "a-file");
            File.WriteAllText(file, "not a directory");
            Refused($"--out '{Path.Combine(file, "export")}': cannot write the export there", "--db", app.Database, "--trial", TestApp.Trial, "--out", Path.Combine(file, "export"));
            Assert.Equal("not a directory", File.ReadAllText(file));
            Assert.Equal(new[] { "a-file" }, Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Allocation Randomized(string participant, string risk, DateTimeOffset at) =>
        new(1, TestApp.Trial, participant, "S1", new Dictionary<string, string> { ["risk"] = risk }, "blinatumomab", at, "coord1", null, null);

    private static CaptureEntry Entry(long id, string participant, CaptureInput content) =>
        new(id, 1, TestApp.Trial, participant, "S1", content, TestApp.Start, "coord1", null);

    [Fact]
    public void Simple_tables_date_randomization_in_utc_and_map_each_kind_onto_its_component()
    {
        var protocol = Evident.Protocol.TrialProtocol.Parse(TestApp.ProtocolYaml, "protocol.yaml");
        // 23:30 at UTC−5 is the next day in UTC.
        var r = Randomized("P1", "SR-high", new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.FromHours(-5)));
        var entries = new[]
        {
            Entry(1, "P1", Event(CaptureKind.Relapse, new DateOnly(2026, 5, 2), "cns")),
            Entry(2, "P1", Event(CaptureKind.Relapse, new DateOnly(2026, 5, 1), "combined")),
            Entry(3, "P1", Event(CaptureKind.SecondMalignancy, new DateOnly(2026, 7, 1))),
            Entry(4, "P1", new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 9, 1), null, "Sepsis", 4)),
            Entry(5, "P1", Event(CaptureKind.Death, new DateOnly(2026, 9, 1))),
        };
        var (participants, adverseEvents) = CapturedTrial.SimpleTables(protocol, [r], entries);
        string?[] Row(Evident.Data.DataTable t) => t.Columns.Select(c => c.Format(0)).ToArray();
        Assert.Equal(new[] { "participant_id", "arm", "site", "risk_group", "sex", "randomization_date", "last_contact_date", "relapse_date", "relapse_site", "death_date", "second_malignancy_date", "death_cause", "off_therapy_date", "off_therapy_reason", "withdrawal_date", "withdrawal_reason", "withdrawal_follow_up", "lost_date", "lost_reason" },
                     participants.Columns.Select(c => c.Name));
        Assert.Equal(new[] { "P1", "blinatumomab", "S1", "SR-high", null, "2026-01-16", "2026-09-01", "2026-05-01", "combined", "2026-09-01", "2026-07-01", null, null, null, null, null, null, null, null }, Row(participants));
        Assert.Equal(new[] { "P1", "Sepsis", "4", "2026-09-01", null, null, null, null, null, null }, Row(adverseEvents));

        var data = CapturedTrial.ToTrialData(protocol, [r], entries);
        var p = Assert.Single(data.Participants);
        var start = new DateOnly(2026, 1, 16);
        int other = protocol.Components.ToList().FindIndex(c => c.Id == "other_relapse");
        Assert.Equal(new[] { new EndpointOutcome(start, new DateOnly(2026, 5, 1), other), new EndpointOutcome(start, new DateOnly(2026, 5, 1), other) }, p.Outcomes);
        Assert.Equal(new[] { new AdverseEventRecord(0, "Sepsis", 4) }, data.AdverseEvents);
    }

    [Fact]
    public void An_adverse_events_end_date_is_written_after_its_onset_and_counts_as_last_contact()
    {
        var protocol = Evident.Protocol.TrialProtocol.Parse(TestApp.ProtocolYaml, "protocol.yaml");
        var r = Randomized("P1", "SR-high", new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var entries = new[]
        {
            Entry(1, "P1", Event(CaptureKind.LastContact, new DateOnly(2026, 3, 10))),
            Entry(2, "P1", new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 3, 1), null, "Sepsis", 3)
            {
                EndDate = new DateOnly(2026, 4, 15),
                Assessment = new(true, SeriousCriteria.Hospitalization | SeriousCriteria.LifeThreatening, Attribution.Probable, ActionTaken.Interrupted, AdverseEventOutcome.Recovered),
            }),
            Entry(3, "P1", new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 3, 5), null, "Nausea", 1)),
        };
        var (participants, adverseEvents) = CapturedTrial.SimpleTables(protocol, [r], entries);
        Assert.Equal(new[] { "participant_id", "term", "grade", "onset_date", "end_date", "serious", "serious_criteria", "attribution", "action_taken", "outcome" },
            adverseEvents.Columns.Select(c => c.Name));
        Assert.Equal(new[] { "P1", "Sepsis", "3", "2026-03-01", "2026-04-15", "yes", "life_threatening;hospitalization", "probable", "interrupted", "recovered" },
            adverseEvents.Columns.Select(c => c.Format(0)));
        Assert.Equal(new[] { "P1", "Nausea", "1", "2026-03-05", null, null, null, null, null, null }, adverseEvents.Columns.Select(c => c.Format(1)));
        Assert.Equal("2026-04-15", participants.Columns.Single(c => c.Name == "last_contact_date").Format(0));
        var p = Assert.Single(CapturedTrial.ToTrialData(protocol, [r], entries).Participants);
        Assert.All(p.Outcomes, o => Assert.Equal(new DateOnly(2026, 4, 15), o.End));
    }

    [Fact]
    public void A_captured_kind_the_protocol_does_not_bind_is_an_error_naming_the_component()
    {
        string renamed = TestApp.ProtocolYaml
            .Replace("  - {id: death, label: Death, death: true}\n", "  - {id: died, label: Death, death: true}\n")
            .Replace("other_relapse, death, second_malignancy]", "other_relapse, died, second_malignancy]")
            .Replace("events: [death]", "events: [died]")
            .Replace("      death: {date: death_date, cause: death_cause}", "      died: {date: death_date, cause: death_cause}")
            .Replace("        death: [DEATH]", "        died: [DEATH]");
        var protocol = Evident.Protocol.TrialProtocol.Parse(renamed, "renamed.yaml");
        var r = Randomized("P1", "SR-average", TestApp.Start);
        var death = Entry(1, "P1", Event(CaptureKind.Death, new DateOnly(2026, 3, 1)));
        var e = Assert.Throws<ArgumentException>(() => CapturedTrial.SimpleTables(protocol, [r], [death]));
        Assert.Contains("renamed.yaml: data.simple.events has no binding for component 'death'", e.Message);
        // Without a death to map, the same protocol exports.
        Assert.Equal(1, CapturedTrial.SimpleTables(protocol, [r], []).Participants.RowCount);

        var narrow = Evident.Protocol.TrialProtocol.Parse(TestApp.ProtocolYaml.Replace("values: [combined, other]", "values: [combined]"), "narrow.yaml");
        var relapse = Entry(1, "P1", Event(CaptureKind.Relapse, new DateOnly(2026, 3, 1), "other"));
        e = Assert.Throws<ArgumentException>(() => CapturedTrial.ToTrialData(narrow, [r], [relapse]));
        Assert.Contains("narrow.yaml: no data.simple.events binding has a type column with the relapse site 'other'", e.Message);
    }
}
