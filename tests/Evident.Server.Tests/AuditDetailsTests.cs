using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Randomization.Capture;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// The audit records every kind of change writes, to the byte: their hashes chain existing databases, so a record's
/// details must never change shape (member order, escaping, number and date formats). One history with a fixed clock
/// and seeded generators; the expected text was recorded from the store before its code was split by concept.
/// </summary>
public sealed class AuditDetailsTests
{
    private static readonly IReadOnlyDictionary<string, bool> Eligible =
        new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false };

    private static EnrolmentRequest Request(string participant, string site, string risk, IReadOnlyDictionary<string, string>? covariates = null) =>
        new(participant, site, new Dictionary<string, string> { ["risk"] = risk }, Eligible, covariates);

    /// <summary>Every change the store audits, in one trial with permuted blocks and one with minimization.</summary>
    private static async Task WriteHistoryAsync(TrialStore store, FakeClock clock)
    {
        var trial = await store.CreateTrialAsync(TestApp.ProtocolYaml, "protocol.yaml", blinded: true, listLength: 8, new Random(7), "cli:test");
        const string site = "Zürich \"Nord\" <1>";
        await store.AddSiteAsync(trial.Id, site, "Site – one & \"only\"", "cli:test");
        await store.AddUserAsync(trial.Id, "coord", TrialRole.SiteCoordinator, site, Passwords.Hash("secret-password"), TimeSpan.FromDays(30), "cli:test");
        await store.AddUserAsync(trial.Id, "stat", TrialRole.UnblindedStatistician, null, null, TimeSpan.FromDays(30), "cli:test");
        clock.Advance(TimeSpan.FromMinutes(1));
        await store.IssueTokenAsync(trial.Id, "stat", TimeSpan.FromHours(12), "admin");
        await store.RevokeTokensAsync(trial.Id, "stat", "left the trial", "admin");

        clock.Advance(TimeSpan.FromSeconds(1.2345678));
        await store.RandomizeAsync(trial.Id, Request("P-1", site, "SR-high"), "key-1", new Random(1), "coord");
        await store.RandomizeAsync(trial.Id, Request("P-2 é", site, "SR-average", new Dictionary<string, string> { ["sex"] = "female" }), null, new Random(1), "coord");
        await store.RandomizeAsync(trial.Id, Request("P-1", site, "SR-high"), "key-1", new Random(1), "coord");
        await store.UnblindAsync(trial.Id, "P-1", "anaphylaxis", "coord");
        await store.InvalidateAsync(trial.Id, "P-2 é", "consent withdrawn", "admin");

        clock.Advance(TimeSpan.FromDays(3));
        var relapse = await store.RecordAsync(trial.Id, "P-1", new CaptureInput(CaptureKind.Relapse, new DateOnly(2026, 1, 16), "marrow", null, null), "coord");
        await store.RecordAsync(trial.Id, "P-1",
            new CaptureInput(CaptureKind.AdverseEvent, new DateOnly(2026, 1, 17), null, "Febrile neutropenia", 3) { EndDate = new DateOnly(2026, 1, 18) }, "coord");
        await store.CorrectAsync(trial.Id, "P-1", relapse.EntryId, new CaptureInput(CaptureKind.Relapse, new DateOnly(2026, 1, 17), "cns", null, null), "typo", "coord");
        for (int i = 0; i < 3; i++) await store.RecordSignInFailureAsync(trial.Id, "coord", maxFailures: 3, TimeSpan.FromMinutes(15));

        var minimization = await store.CreateTrialAsync(TestApp.MinimizationYaml("MIN-1"), "min.yaml", blinded: false, listLength: 1, new Random(7), "cli:test");
        await store.AddSiteAsync(minimization.Id, "S1", null, "cli:test");
        for (int i = 0; i < 4; i++)
            await store.RandomizeAsync(minimization.Id, Request($"M{i}", "S1", i % 2 == 0 ? "SR-high" : "SR-average"), null, new Random(i), "cli:test");
    }

    [Fact]
    public async Task Every_audited_change_writes_the_same_details_as_before_and_the_chain_ends_on_the_same_hash_on_sqlite()
    {
        string database = Path.Combine(Path.GetTempPath(), $"evident-audit-details-{Guid.NewGuid():N}.db");
        try
        {
            await CheckAsync(database);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    [Fact]
    public async Task Every_audited_change_writes_the_same_details_as_before_and_the_chain_ends_on_the_same_hash_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await CheckAsync(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task CheckAsync(string database)
    {
        var clock = new FakeClock(TestApp.Start);
        await using var store = await TrialStore.OpenAsync(database, clock);
        await WriteHistoryAsync(store, clock);
        var audit = await store.ReadAuditAsync();
        string[] expected =
        [
            """1 2026-01-15T09:00:00.0000000Z cli:test trial.create trial:AALL1731 {"blinded":true,"method":"permuted-blocks","protocol_hash":"5e79f389b6cea41578da5a99443d38799a6a689ba0bf28739b284453e3b08e3a","protocol_source":"protocol.yaml","slots":20,"strata":2}""",
            """2 2026-01-15T09:00:00.0000000Z cli:test site.add site:Zürich "Nord" <1> {"id":"Zürich \"Nord\" <1>","label":"Site – one & \"only\""}""",
            """3 2026-01-15T09:00:00.0000000Z cli:test user.add user:coord {"name":"coord","password":true,"role":"site-coordinator","site":"Zürich \"Nord\" <1>","token_expires":"2026-02-14T09:00:00.0000000Z"}""",
            """4 2026-01-15T09:00:00.0000000Z cli:test user.add user:stat {"name":"stat","password":false,"role":"unblinded-statistician","site":null,"token_expires":"2026-02-14T09:00:00.0000000Z"}""",
            """5 2026-01-15T09:01:00.0000000Z admin token.issue user:stat {"expires":"2026-01-15T21:01:00.0000000Z"}""",
            """6 2026-01-15T09:01:00.0000000Z admin token.revoke user:stat {"revoked":2} | left the trial""",
            """7 2026-01-15T09:01:01.2345678Z coord randomize participant:P-1 {"id":1,"site":"Zürich \"Nord\" <1>","strata":{"risk":"SR-high"},"eligibility":{"age":true,"prior_therapy":false,"standard_risk":true},"arm":"blinatumomab"}""",
            """8 2026-01-15T09:01:01.2345678Z coord randomize participant:P-2 é {"id":2,"site":"Zürich \"Nord\" <1>","strata":{"risk":"SR-average"},"eligibility":{"age":true,"prior_therapy":false,"standard_risk":true},"covariates":{"sex":"female"},"arm":"blinatumomab"}""",
            """9 2026-01-15T09:01:01.2345678Z coord unblind participant:P-1 {"id":1,"site":"Zürich \"Nord\" <1>"} | anaphylaxis""",
            """10 2026-01-15T09:01:01.2345678Z admin invalidate participant:P-2 é {"id":2} | consent withdrawn""",
            """11 2026-01-18T09:01:01.2345678Z coord capture.record participant:P-1 {"date":"2026-01-16","entry":1,"grade":null,"kind":"relapse","relapse_site":"marrow","site":"Zürich \"Nord\" <1>","term":null,"version":1}""",
            """12 2026-01-18T09:01:01.2345678Z coord capture.record participant:P-1 {"date":"2026-01-17","end_date":"2026-01-18","entry":2,"grade":3,"kind":"adverse_event","relapse_site":null,"site":"Zürich \"Nord\" <1>","term":"Febrile neutropenia","version":1}""",
            """13 2026-01-18T09:01:01.2345678Z coord capture.correct participant:P-1 {"date":"2026-01-17","entry":1,"grade":null,"kind":"relapse","relapse_site":"cns","site":"Zürich \"Nord\" <1>","term":null,"version":2} | typo""",
            """14 2026-01-18T09:01:01.2345678Z web:sign-in user.lockout user:coord {"failures":3,"locked_until":"2026-01-18T09:16:01.2345678Z"}""",
            """15 2026-01-18T09:01:01.2345678Z cli:test trial.create trial:MIN-1 {"blinded":false,"method":"minimization","protocol_hash":"cbaf460f42b1759e5c06acce41c79926433a753d4fe9386758fe9e64b6410ba8","protocol_source":"min.yaml","slots":0,"strata":1}""",
            """16 2026-01-18T09:01:01.2345678Z cli:test site.add site:S1 {"id":"S1","label":"S1"}""",
            """17 2026-01-18T09:01:01.2345678Z cli:test randomize participant:M0 {"id":3,"site":"S1","strata":{"risk":"SR-high"},"eligibility":{"age":true,"prior_therapy":false,"standard_risk":true},"arm":"blinatumomab"}""",
            """18 2026-01-18T09:01:01.2345678Z cli:test randomize participant:M1 {"id":4,"site":"S1","strata":{"risk":"SR-average"},"eligibility":{"age":true,"prior_therapy":false,"standard_risk":true},"arm":"chemotherapy"}""",
            """19 2026-01-18T09:01:01.2345678Z cli:test randomize participant:M2 {"id":5,"site":"S1","strata":{"risk":"SR-high"},"eligibility":{"age":true,"prior_therapy":false,"standard_risk":true},"arm":"chemotherapy"}""",
            """20 2026-01-18T09:01:01.2345678Z cli:test randomize participant:M3 {"id":6,"site":"S1","strata":{"risk":"SR-average"},"eligibility":{"age":true,"prior_therapy":false,"standard_risk":true},"arm":"blinatumomab"}""",
        ];
        Assert.Equal(expected, audit.Select(a =>
            $"{a.Sequence} {a.At} {a.Actor} {a.Action} {a.Entity} {a.Details}{(a.Reason is null ? "" : " | " + a.Reason)}"));
        Assert.Equal("0bbb90bc5f5ba07ada9e69ab98836b27e447ff4d7e4ccc25da7940d8fc098a9b", audit[^1].Hash);
        Assert.True((await store.VerifyAuditAsync()).IsIntact);
    }
}
