using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Evident.Randomization;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// Baseline covariates (the protocol's <c>covariates</c>, AALL1731: sex) given at randomization through the JSON API:
/// stored in <c>baseline_values</c> with the randomization and its audit record, shown to every role that sees the
/// participant, part of what makes a repeat the same randomization; on SQLite and PostgreSQL.
/// </summary>
public sealed class BaselineCovariateTests
{
    private static object Enrolment(string participant, string site, object? covariates) => new
    {
        participantId = participant,
        site,
        strata = new Dictionary<string, string> { ["risk"] = "SR-high" },
        eligibility = new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false },
        covariates,
    };

    private static async Task<string> Rows(TestApp app) =>
        string.Join("; ", (await Databases.RowsAsync(app.Database,
            "SELECT trial_id, participant_id, covariate, value FROM baseline_values ORDER BY participant_id, covariate")).Select(r => string.Join(",", r)));

    /// <summary>Everything a refused randomization could have written, covariate rows included.</summary>
    private static async Task<string> Snapshot(TestApp app) => await app.SnapshotAsync() + ";baseline=" + await Rows(app);

    private static string Covariates(JsonElement allocation) => allocation.GetProperty("covariates").GetRawText();

    [Fact]
    public Task Covariates_are_stored_with_the_randomization_and_every_role_that_sees_the_participant_sees_them_on_sqlite() =>
        OnSqlite(StoredAndShown);

    [Fact]
    public Task Covariates_are_stored_with_the_randomization_and_every_role_that_sees_the_participant_sees_them_on_postgresql() =>
        OnPostgres(StoredAndShown);

    [Fact]
    public Task A_bad_covariate_is_400_naming_the_field_and_nothing_is_stored_on_sqlite() => OnSqlite(Refused);

    [Fact]
    public Task A_bad_covariate_is_400_naming_the_field_and_nothing_is_stored_on_postgresql() => OnPostgres(Refused);

    [Fact]
    public Task A_repeat_with_the_same_covariates_is_the_same_randomization_and_with_other_covariates_a_conflict_on_sqlite() => OnSqlite(Repeats);

    [Fact]
    public Task A_repeat_with_the_same_covariates_is_the_same_randomization_and_with_other_covariates_a_conflict_on_postgresql() => OnPostgres(Repeats);

    private static async Task OnSqlite(Func<TestApp, Task> test)
    {
        await using var app = await new TestApp().SeedAsync();
        await test(app);
    }

    private static async Task OnPostgres(Func<TestApp, Task> test)
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await using var app = await new TestApp(database).SeedAsync();
            await test(app);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task StoredAndShown(TestApp app)
    {
        var coord1 = app.As("coord1");
        var created = await TestApp.Randomize(coord1, Enrolment("P-1", "S1", new { sex = "female" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await TestApp.Json(created);
        Assert.Equal("""{"sex":"female"}""", Covariates(json));
        Assert.False(json.TryGetProperty("arm", out _));
        // Without covariates nothing is recorded; a covariate left out is not recorded.
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(coord1, TestApp.Enrolment("P-2", "S1"))).StatusCode);
        var none = await TestApp.Randomize(coord1, Enrolment("P-3", "S1", new { }));
        Assert.Equal("{}", Covariates(await TestApp.Json(none)));
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(app.As("coord2"), Enrolment("P-4", "S2", new { sex = "male" }))).StatusCode);

        Assert.Equal("AALL1731,P-1,sex,female; AALL1731,P-4,sex,male", await Rows(app));

        // The blinded statistician sees the covariates but no arm; the unblinded one sees both.
        var blinded = await TestApp.Json(await app.As("blinded").GetAsync("/trials/AALL1731/randomizations/P-1"));
        Assert.Equal("""{"sex":"female"}""", Covariates(blinded));
        Assert.False(blinded.TryGetProperty("arm", out _));
        var unblinded = await TestApp.Json(await app.As("unblinded").GetAsync("/trials/AALL1731/randomizations/P-4"));
        Assert.Equal("""{"sex":"male"}""", Covariates(unblinded));
        Assert.True(unblinded.TryGetProperty("arm", out _));
        Assert.Equal("{}", Covariates(await TestApp.Json(await coord1.GetAsync("/trials/AALL1731/randomizations/P-2"))));

        // Lists: every participant with their own covariates; a coordinator's list has only their site's.
        var all = (await TestApp.Json(await app.As("blinded").GetAsync("/trials/AALL1731/randomizations"))).EnumerateArray()
            .Select(r => $"{r.GetProperty("participantId").GetString()}={Covariates(r)}");
        Assert.Equal(["P-1={\"sex\":\"female\"}", "P-2={}", "P-3={}", "P-4={\"sex\":\"male\"}"], all);
        var own = (await TestApp.Json(await app.As("coord2").GetAsync("/trials/AALL1731/randomizations"))).EnumerateArray()
            .Select(r => $"{r.GetProperty("participantId").GetString()}={Covariates(r)}");
        Assert.Equal(["P-4={\"sex\":\"male\"}"], own);
        var store = await app.Store.ListRandomizationsAsync(TestApp.Trial, "S1");
        Assert.Equal(["P-1:sex=female", "P-2:", "P-3:"], store.Select(r => $"{r.ParticipantId}:{string.Join(",", r.Covariates.Select(c => $"{c.Key}={c.Value}"))}"));

        // The unblinding and the invalidation answer the participant with its covariates too.
        var unblind = await app.As("admin").PostAsJsonAsync("/trials/AALL1731/randomizations/P-4/unblind", new { reason = "anaphylaxis" });
        Assert.Equal("""{"sex":"male"}""", Covariates(await TestApp.Json(unblind)));
        var invalidate = await app.As("admin").PostAsJsonAsync("/trials/AALL1731/randomizations/P-1/invalidate", new { reason = "wrong person" });
        Assert.Equal("""{"sex":"female"}""", Covariates(await TestApp.Json(invalidate)));

        // The randomize audit record names the covariates given (and only then), in the same chain.
        var audit = (await app.Store.ReadAuditAsync(TestApp.Trial)).Where(a => a.Action == "randomize").ToArray();
        var details = audit.Select(a => JsonDocument.Parse(a.Details).RootElement).ToArray();
        Assert.Equal("""{"sex":"female"}""", details[0].GetProperty("covariates").GetRawText());
        Assert.False(details[1].TryGetProperty("covariates", out _));
        Assert.False(details[2].TryGetProperty("covariates", out _));
        Assert.Equal("""{"sex":"male"}""", details[3].GetProperty("covariates").GetRawText());
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        // The trial's description lists the covariates a client may send.
        var trial = await TestApp.Json(await coord1.GetAsync("/trials/AALL1731"));
        Assert.Equal("""[{"id":"sex","label":"Sex","levels":["female","male"]}]""", trial.GetProperty("covariates").GetRawText());
    }

    private static async Task Refused(TestApp app)
    {
        var coord1 = app.As("coord1");
        string before = await Snapshot(app);
        var badLevel = await TestApp.Randomize(coord1, Enrolment("P-1", "S1", new { sex = "F" }));
        await TestApp.AssertProblem(badLevel, 400);
        var errors = (await TestApp.Json(badLevel)).GetProperty("errors");
        Assert.Equal("'F' is not a level of Sex: choose female or male, or leave it unrecorded.", errors.GetProperty("covariates.sex")[0].GetString());

        var unknown = await TestApp.Randomize(coord1, Enrolment("P-1", "S1", new { sex = "male", age_group = "young" }));
        await TestApp.AssertProblem(unknown, 400);
        var unknownErrors = (await TestApp.Json(unknown)).GetProperty("errors");
        Assert.Equal(["covariates.age_group"], unknownErrors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("'age_group' is not a covariate of this protocol; the covariates are sex.", unknownErrors.GetProperty("covariates.age_group")[0].GetString());

        // Not a string, or null: the JSON itself is refused.
        await TestApp.AssertProblem(await TestApp.Randomize(coord1, Enrolment("P-1", "S1", new { sex = 1 })), 400);
        await TestApp.AssertProblem(await TestApp.Randomize(coord1, Enrolment("P-1", "S1", new Dictionary<string, string?> { ["sex"] = null })), 400);
        Assert.Equal(before, await Snapshot(app));
        Assert.StartsWith("rand=0;", before);
    }

    private static async Task Repeats(TestApp app)
    {
        var coord1 = app.As("coord1");
        var first = await TestApp.Json(await TestApp.Randomize(coord1, Enrolment("P-1", "S1", new { sex = "female" }), "key-1"));
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(coord1, Enrolment("P-2", "S1", null))).StatusCode);
        string before = await Snapshot(app);

        // The same participant with the same covariates, with or without the key: the same allocation, no slot used.
        foreach (string? key in new[] { "key-1", null, "key-9" })
        {
            var again = await TestApp.Randomize(coord1, Enrolment("P-1", "S1", new { sex = "female" }), key);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var json = await TestApp.Json(again);
            Assert.Equal("""{"sex":"female"}""", Covariates(json));
            Assert.Equal(first.GetProperty("randomizedAt").GetDateTimeOffset(), json.GetProperty("randomizedAt").GetDateTimeOffset());
        }
        Assert.Equal(HttpStatusCode.OK, (await TestApp.Randomize(coord1, TestApp.Enrolment("P-2", "S1"))).StatusCode);
        Assert.Equal(before, await Snapshot(app));

        // Other covariates, or leaving out one that was recorded, or adding one: a conflict, as different strata are.
        foreach (var (participant, covariates) in new (string, object?)[] { ("P-1", new { sex = "male" }), ("P-1", null), ("P-1", new { }), ("P-2", new { sex = "male" }) })
        {
            var conflict = await TestApp.Randomize(coord1, Enrolment(participant, "S1", covariates), participant == "P-1" ? "key-1" : null);
            await TestApp.AssertProblem(conflict, 409);
            string expected = participant == "P-1"
                ? "Participant 'P-1' is already randomized with different baseline covariates (sex female)."
                : "Participant 'P-2' is already randomized with different baseline covariates (none recorded).";
            Assert.Equal(expected, (await TestApp.Json(conflict)).GetProperty("detail").GetString());
        }
        Assert.Equal(before, await Snapshot(app));
        Assert.StartsWith("rand=2;", before);
    }

    [Fact]
    public async Task A_database_made_before_covariates_were_collected_is_upgraded_when_opened()
    {
        string path = Path.Combine(Path.GetTempPath(), $"evident-upgrade-{Guid.NewGuid():N}.db");
        var request = new EnrolmentRequest("P-1", "S1", new Dictionary<string, string> { ["risk"] = "SR-high" },
            new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false });
        try
        {
            await using (var store = await TrialStore.OpenAsync(path, TimeProvider.System))
            {
                await store.CreateTrialAsync(TestApp.ProtocolYaml, "protocol.yaml", blinded: true, listLength: 20, new Random(1), "cli:test");
                await store.AddSiteAsync(TestApp.Trial, "S1", null, "cli:test");
                Assert.Equal(RandomizationStatus.Created, (await store.RandomizeAsync(TestApp.Trial, request, null, new Random(2), "cli:test")).Status);
            }
            // The database as it was before this table existed.
            await Databases.RowsAsync(path, "DROP TABLE baseline_values");
            Assert.Empty(await Databases.RowsAsync(path, "SELECT name FROM sqlite_master WHERE name = 'baseline_values'"));

            await using (var store = await TrialStore.OpenAsync(path, TimeProvider.System))
            {
                var old = await store.GetRandomizationAsync(TestApp.Trial, "P-1");
                Assert.Empty(old!.Covariates);
                var outcome = await store.RandomizeAsync(TestApp.Trial, request with { ParticipantId = "P-2", Covariates = new Dictionary<string, string> { ["sex"] = "male" } },
                    null, new Random(3), "cli:test");
                Assert.Equal(RandomizationStatus.Created, outcome.Status);
                Assert.Equal("male", outcome.Randomization!.Covariates["sex"]);
                Assert.Equal(["P-1:", "P-2:sex=male"],
                    (await store.ListRandomizationsAsync(TestApp.Trial)).Select(r => $"{r.ParticipantId}:{string.Join(",", r.Covariates.Select(c => $"{c.Key}={c.Value}"))}"));
                Assert.True((await store.VerifyAuditAsync()).IsIntact);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }
}
