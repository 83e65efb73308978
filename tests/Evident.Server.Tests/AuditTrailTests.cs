using Evident.Cli;
using Evident.Randomization.Audit;
using Microsoft.Data.Sqlite;

namespace Evident.Server.Tests;

public sealed class AuditTrailTests
{
    private static async Task<TestApp> AppWithHistory(string? database = null)
    {
        var app = await new TestApp(database).SeedAsync();
        for (int i = 0; i < 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment($"P{i}", "S1"));
        }
        return app;
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static (int Code, string Out) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EvidentApp.Run(args, stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }

    [Fact]
    public async Task Every_change_appends_a_chained_record_with_who_when_what_and_the_chain_verifies()
    {
        await using var app = await AppWithHistory();
        var audit = await app.Store.ReadAuditAsync();
        // trial.create (the trial's and the service's), 2 × site.add, 5 × user.add, 5 × randomize
        Assert.Equal(14, audit.Count);
        Assert.Equal(["trial.create", "trial.create", "site.add", "site.add", "user.add", "user.add", "user.add", "user.add", "user.add", "randomize", "randomize", "randomize", "randomize", "randomize"],
            audit.Select(a => a.Action));
        Assert.Equal("2026-01-15T09:05:00.0000000Z", audit[^1].At);
        Assert.Equal(("coord1", "participant:P4"), (audit[^1].Actor, audit[^1].Entity));
        for (int i = 1; i < audit.Count; i++) Assert.Equal(audit[i - 1].Hash, audit[i].PreviousHash);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        var (code, output) = Cli("audit", "verify", "--db", app.Database);
        Assert.Equal((0, "Audit chain intact: 14 records verified."), (code, output.Trim()));
    }

    [Fact]
    public async Task Editing_a_record_behind_the_services_back_is_reported_at_that_record()
    {
        await using var app = await AppWithHistory();
        Execute(app.Database, "UPDATE audit SET actor = 'mallory' WHERE seq = 10");
        var result = await app.Store.VerifyAuditAsync();
        Assert.Equal(10, result.FirstBroken);
        var (code, output) = Cli("audit", "verify", "--db", app.Database);
        Assert.Equal(1, code);
        Assert.Contains("BROKEN at record 10", output);
    }

    [Fact]
    public Task An_arm_changed_only_in_the_randomizations_table_fails_verify_on_sqlite() => TableOnlyEdits(null);

    [Fact]
    public async Task An_arm_changed_only_in_the_randomizations_table_fails_verify_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await TableOnlyEdits(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task TableOnlyEdits(string? database)
    {
        await using var app = await AppWithHistory(database);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        // Records 1-9 set the trial up; P0…P4 are records 10…14.
        await Databases.RowsAsync(app.Database, "UPDATE randomizations SET arm = CASE arm WHEN 'chemotherapy' THEN 'blinatumomab' ELSE 'chemotherapy' END WHERE participant_id = 'P2'");
        var result = await app.Store.VerifyAuditAsync();
        Assert.Equal(12, result.FirstBroken);
        Assert.StartsWith("randomization 3 (participant 'P2' of trial AALL1731) disagrees with audit record 12: the table says {", result.Problem);
        if (database is null)
        {
            var (code, output) = Cli("audit", "verify", "--db", app.Database);
            Assert.Equal(1, code);
            Assert.Contains("BROKEN at record 12: randomization 3 (participant 'P2' of trial AALL1731) disagrees", output);
        }
        await Databases.RowsAsync(app.Database, "UPDATE randomizations SET arm = CASE arm WHEN 'chemotherapy' THEN 'blinatumomab' ELSE 'chemotherapy' END WHERE participant_id = 'P2'");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        await Databases.RowsAsync(app.Database, "UPDATE randomizations SET randomized_by = 'mallory' WHERE participant_id = 'P1'");
        Assert.Contains("the table says mallory at", (await app.Store.VerifyAuditAsync()).Problem);
        await Databases.RowsAsync(app.Database, "UPDATE randomizations SET randomized_by = 'coord1' WHERE participant_id = 'P1'");
        await Databases.RowsAsync(app.Database, "DELETE FROM randomizations WHERE participant_id = 'P4'");
        var deleted = await app.Store.VerifyAuditAsync();
        Assert.Equal((14L, "audit record 14 randomizes participant:P4 of trial AALL1731, but the randomizations table has no such row"), (deleted.FirstBroken!.Value, deleted.Problem));
    }

    [Fact]
    public Task A_captured_entry_or_an_unblinding_changed_only_in_its_table_fails_verify_on_sqlite() => CaptureAndUnblindingEdits(null);

    [Fact]
    public async Task A_captured_entry_or_an_unblinding_changed_only_in_its_table_fails_verify_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await CaptureAndUnblindingEdits(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task CaptureAndUnblindingEdits(string? database)
    {
        await using var app = await AppWithHistory(database);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var start = DateOnly.FromDateTime(TestApp.Start.UtcDateTime);
        var entry = await app.Store.RecordAsync(TestApp.Trial, "P1", new Evident.Randomization.Capture.CaptureInput(Evident.Randomization.Capture.CaptureKind.LastContact, start, null, null, null), "coord1");
        await app.Store.CorrectAsync(TestApp.Trial, "P1", entry.EntryId, new Evident.Randomization.Capture.CaptureInput(Evident.Randomization.Capture.CaptureKind.LastContact, start.AddDays(1), null, null, null), "date re-read", "coord1");
        await app.Store.UnblindAsync(TestApp.Trial, "P3", "anaphylaxis", "unblinded");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        await Databases.RowsAsync(app.Database, "UPDATE capture_entries SET event_date = '2026-01-10' WHERE version = 1");
        var changed = await app.Store.VerifyAuditAsync();
        Assert.False(changed.IsIntact);
        Assert.StartsWith($"capture entry {entry.EntryId} version 1 (participant 'P1' of trial AALL1731) has no audit record with its content: the table says {{\"date\":\"2026-01-10\"", changed.Problem);
        await Databases.RowsAsync(app.Database, $"UPDATE capture_entries SET event_date = '{start:yyyy-MM-dd}' WHERE version = 1");
        await Databases.RowsAsync(app.Database, "UPDATE capture_entries SET recorded_by = 'mallory' WHERE version = 2");
        Assert.Equal(16, (await app.Store.VerifyAuditAsync()).FirstBroken);
        await Databases.RowsAsync(app.Database, "DELETE FROM capture_entries WHERE version = 2");
        var deleted = await app.Store.VerifyAuditAsync();
        Assert.Equal((16L, "audit record 16 (capture.correct participant:P1 of trial AALL1731) has no row in capture_entries with its content"),
            (deleted.FirstBroken!.Value, deleted.Problem));
    }

    [Fact]
    public async Task An_unblinding_changed_or_deleted_only_in_its_table_fails_verify()
    {
        await using var app = await AppWithHistory();
        await app.Store.UnblindAsync(TestApp.Trial, "P3", "anaphylaxis", "unblinded");
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        Execute(app.Database, "UPDATE unblindings SET unblinded_by = 'someone else'");
        Assert.StartsWith("unblinding 1 (participant 'P3' of trial AALL1731, by someone else at", (await app.Store.VerifyAuditAsync()).Problem);
        Execute(app.Database, "DELETE FROM unblindings");
        var deleted = await app.Store.VerifyAuditAsync();
        Assert.Equal((15L, "audit record 15 unblinds participant:P3 of trial AALL1731, but the unblindings table has no such row"), (deleted.FirstBroken!.Value, deleted.Problem));
    }

    [Fact]
    public Task A_forged_arm_rechained_through_every_later_record_fails_verify_against_an_anchor_on_sqlite() => ForgedAndRechained(null);

    [Fact]
    public async Task A_forged_arm_rechained_through_every_later_record_fails_verify_against_an_anchor_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await ForgedAndRechained(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task ForgedAndRechained(string? database)
    {
        await using var app = await AppWithHistory(database);
        string folder = Directory.CreateTempSubdirectory("evident-anchor-").FullName;
        try
        {
            string keyFile = Path.Combine(folder, "audit.key"), anchorFile = Path.Combine(folder, "head.anchor.json");
            var (keyCode, keyOutput) = Cli("audit", "keygen", "--out", keyFile);
            Assert.Equal(0, keyCode);
            string publicKey = AuditSigningKey.Parse(File.ReadAllText(keyFile)).PublicKey;
            Assert.Contains($"Public key: {publicKey}", keyOutput);
            var (anchorCode, anchorOutput) = Cli("audit", "anchor", "--db", app.Database, "--key", keyFile, "--out", anchorFile);
            Assert.True(anchorCode == 0, anchorOutput);
            Assert.Equal(14, AuditAnchor.Parse(File.ReadAllText(anchorFile)).Sequence);
            var verified = Cli("audit", "verify", "--db", app.Database, "--anchor", anchorFile, "--public-key", publicKey);
            Assert.Equal((0, "Audit chain intact: 14 records verified, against 1 signed anchor."), (verified.Code, verified.Out.Trim()));

            // Someone with database access but without the key gives P2 the other arm in the table and in its record,
            // and recomputes every later hash and the head.
            await ForgeArmAsync(app, "P2", recordSequence: 12);
            Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
            var (code, output) = Cli("audit", "verify", "--db", app.Database, "--anchor", anchorFile, "--public-key", publicKey);
            Assert.Equal(1, code);
            Assert.Contains($"BROKEN at record 14: record 14 does not have the hash that anchor {anchorFile}", output);
            Assert.Contains("the trail was rewritten at or before record 14", output);

            // An anchor the forger signs with a key of their own is refused.
            string forgedKey = Path.Combine(folder, "forger.key"), forgedAnchor = Path.Combine(folder, "forged.anchor.json");
            Cli("audit", "keygen", "--out", forgedKey);
            Assert.Equal(0, Cli("audit", "anchor", "--db", app.Database, "--key", forgedKey, "--out", forgedAnchor).Code);
            var refused = Cli("audit", "verify", "--db", app.Database, "--anchor", forgedAnchor, "--public-key", publicKey);
            Assert.Equal(1, refused.Code);
            Assert.Contains($"anchor {forgedAnchor} is not signed by the audit key {publicKey}", refused.Out);
            Assert.Equal(2, Cli("audit", "verify", "--db", app.Database, "--anchor", anchorFile).Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Gives the participant the other arm in the randomizations table and in its audit record, and re-chains every later record and the head.</summary>
    private static async Task ForgeArmAsync(TestApp app, string participant, long recordSequence)
    {
        await Databases.RowsAsync(app.Database, $"UPDATE randomizations SET arm = CASE arm WHEN 'chemotherapy' THEN 'blinatumomab' ELSE 'chemotherapy' END WHERE participant_id = '{participant}'");
        var records = await app.Store.ReadAuditAsync();
        string previous = records.Single(r => r.Sequence == recordSequence - 1).Hash;
        foreach (var r in records.Where(r => r.Sequence >= recordSequence))
        {
            string details = r.Sequence != recordSequence ? r.Details
                : r.Details.Contains("\"arm\":\"chemotherapy\"") ? r.Details.Replace("\"arm\":\"chemotherapy\"", "\"arm\":\"blinatumomab\"") : r.Details.Replace("\"arm\":\"blinatumomab\"", "\"arm\":\"chemotherapy\"");
            string hash = AuditChain.Hash(r.Sequence, r.TrialId, r.At, r.Actor, r.Action, r.Entity, details, r.Reason, previous);
            await Databases.RowsAsync(app.Database, $"UPDATE audit SET details = '{details}', prev_hash = '{previous}', hash = '{hash}' WHERE seq = {r.Sequence}");
            previous = hash;
        }
        await Databases.RowsAsync(app.Database, $"UPDATE audit_head SET hash = '{previous}' WHERE id = 1");
    }

    [Fact]
    public async Task Deleting_a_middle_record_or_the_newest_one_is_detected()
    {
        await using var app = await AppWithHistory();
        Execute(app.Database, "DELETE FROM audit WHERE seq = 14");
        Assert.Equal(14, (await app.Store.VerifyAuditAsync()).FirstBroken);
        Execute(app.Database, "DELETE FROM audit WHERE seq = 7");
        Assert.Equal(7, (await app.Store.VerifyAuditAsync()).FirstBroken);
    }

    [Fact]
    public async Task Rewriting_a_record_with_a_recomputed_hash_breaks_the_next_link()
    {
        await using var app = await AppWithHistory();
        var record = (await app.Store.ReadAuditAsync())[9];
        string forged = Evident.Randomization.Audit.AuditChain.Hash(record.Sequence, record.TrialId, record.At, "mallory", record.Action, record.Entity, record.Details, record.Reason, record.PreviousHash);
        Execute(app.Database, $"UPDATE audit SET actor = 'mallory', hash = '{forged}' WHERE seq = 10");
        Assert.Equal(11, (await app.Store.VerifyAuditAsync()).FirstBroken);
    }

    [Fact]
    public async Task Export_writes_every_record_as_csv_and_json()
    {
        await using var app = await AppWithHistory();
        string csvPath = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.Equal(0, Cli("audit", "export", "--db", app.Database, "-o", csvPath).Code);
            var lines = File.ReadAllLines(csvPath);
            Assert.Equal(15, lines.Length);
            Assert.Equal("seq,trial,at,actor,action,entity,details,reason,prev_hash,hash", lines[0]);
            Assert.StartsWith("\"14\",\"AALL1731\",\"2026-01-15T09:05:00.0000000Z\",\"coord1\",\"randomize\",\"participant:P4\"", lines[14]);
            var (code, json) = Cli("audit", "export", "--db", app.Database, "--as", "json", "--trial", "AALL1731");
            Assert.Equal(0, code);
            Assert.Equal(13, System.Text.Json.JsonDocument.Parse(json).RootElement.GetArrayLength());
            Assert.Equal(2, Cli("audit", "export", "--db", app.Database, "--as", "xml").Code);
        }
        finally
        {
            File.Delete(csvPath);
        }
    }
}
