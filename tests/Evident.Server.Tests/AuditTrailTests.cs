using Evident.Cli;
using Microsoft.Data.Sqlite;

namespace Evident.Server.Tests;

public sealed class AuditTrailTests
{
    private static async Task<TestApp> AppWithHistory()
    {
        var app = await new TestApp().SeedAsync();
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
        // trial.create, 2 × site.add, 5 × user.add, 5 × randomize
        Assert.Equal(13, audit.Count);
        Assert.Equal(["trial.create", "site.add", "site.add", "user.add", "user.add", "user.add", "user.add", "user.add", "randomize", "randomize", "randomize", "randomize", "randomize"],
            audit.Select(a => a.Action));
        Assert.Equal("2026-01-15T09:05:00.0000000Z", audit[^1].At);
        Assert.Equal(("coord1", "participant:P4"), (audit[^1].Actor, audit[^1].Entity));
        for (int i = 1; i < audit.Count; i++) Assert.Equal(audit[i - 1].Hash, audit[i].PreviousHash);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        var (code, output) = Cli("audit", "verify", "--db", app.Database);
        Assert.Equal((0, "Audit chain intact: 13 records verified."), (code, output.Trim()));
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
    public async Task Deleting_a_middle_record_or_the_newest_one_is_detected()
    {
        await using var app = await AppWithHistory();
        Execute(app.Database, "DELETE FROM audit WHERE seq = 13");
        Assert.Equal(13, (await app.Store.VerifyAuditAsync()).FirstBroken);
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
            Assert.Equal(14, lines.Length);
            Assert.Equal("seq,trial,at,actor,action,entity,details,reason,prev_hash,hash", lines[0]);
            Assert.StartsWith("\"13\",\"AALL1731\",\"2026-01-15T09:05:00.0000000Z\",\"coord1\",\"randomize\",\"participant:P4\"", lines[13]);
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
