using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Evident.Cli;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>Operators create trials (API and command line), recorded in the service's part of the trail and in the new trial's; trial admins cannot.</summary>
public sealed class OperatorTests
{
    [Fact]
    public Task An_operator_creates_a_trial_and_a_trial_admin_cannot_on_sqlite() => OperatorCreatesTrial(null);

    [Fact]
    public async Task An_operator_creates_a_trial_and_a_trial_admin_cannot_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await OperatorCreatesTrial(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task OperatorCreatesTrial(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync();
        var issued = await app.Store.AddOperatorAsync("ops", TimeSpan.FromDays(30), "cli:root");
        var ops = app.CreateClient();
        ops.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        var body = new { protocolYaml = TestApp.MinimizationYaml("NEWTRIAL"), adminName = "boss" };

        string before = await app.SnapshotAsync();
        var refused = await app.As("admin").PostAsJsonAsync("/trials", body);
        await TestApp.AssertProblem(refused, 403);
        await TestApp.AssertProblem(await app.As("coord1").PostAsJsonAsync("/trials", body), 403);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Null(await app.Store.GetTrialAsync("NEWTRIAL"));

        var created = await ops.PostAsJsonAsync("/trials", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var boss = app.CreateClient();
        boss.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await TestApp.Json(created)).GetProperty("adminToken").GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync("/trials/NEWTRIAL")).StatusCode);
        await TestApp.AssertProblem(await boss.PostAsJsonAsync("/trials", new { protocolYaml = TestApp.MinimizationYaml("THIRD"), adminName = "x" }), 403);

        // The new trial's trail names the operator; the service's part records the creation too.
        var trial = await app.Store.ReadAuditAsync("NEWTRIAL");
        Assert.Equal([("trial.create", "operator:ops"), ("user.add", "operator:ops")], trial.Select(r => (r.Action, r.Actor)));
        var service = (await app.Store.ReadAuditAsync()).Where(r => r.TrialId is null).ToList();
        Assert.Equal([("trial.create", "cli:test", "trial:AALL1731"), ("operator.add", "cli:root", "operator:ops"), ("trial.create", "operator:ops", "trial:NEWTRIAL")],
            service.Select(r => (r.Action, r.Actor, r.Entity)));
        Assert.Equal(trial[0].Details, service[2].Details);

        // An operator's token opens no trial, and stops when revoked.
        await TestApp.AssertProblem(await ops.GetAsync("/trials/NEWTRIAL"), 404);
        await TestApp.AssertProblem(await ops.GetAsync("/trials/AALL1731/randomizations"), 404);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        Assert.Equal(1, await app.Store.RevokeOperatorTokensAsync("ops", "left", "cli:root"));
        await TestApp.AssertProblem(await ops.PostAsJsonAsync("/trials", new { protocolYaml = TestApp.MinimizationYaml("FOURTH"), adminName = "x" }), 401);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);

        // Operators and their tokens are checked against the trail like users.
        await Databases.RowsAsync(app.Database, "UPDATE operator_tokens SET revoked_at = NULL");
        Assert.Contains("revokes 1 token(s) of operator:ops, but the operator_tokens table has none revoked then", (await app.Store.VerifyAuditAsync()).Problem);
        await Databases.RowsAsync(app.Database,
            "INSERT INTO operators (name, created_at) VALUES ('mallory', '2026-01-15T09:00:00.0000000Z')");
        Assert.Equal("operator 'mallory' has no operator.add record in the audit trail", (await app.Store.VerifyAuditAsync()).Problem);
    }

    [Fact]
    public async Task The_command_line_adds_operators_and_records_trial_creation_in_the_service_trail()
    {
        string db = Path.Combine(Path.GetTempPath(), $"evident-ops-{Guid.NewGuid():N}.db");
        string protocol = Path.Combine(AppContext.BaseDirectory, "fixtures", "aall1731.yaml");
        try
        {
            var (code, output) = Cli("operator", "add", "ops", "--token-days", "7", "--db", db, "--format", "json");
            Assert.True(code == 0, output);
            Assert.StartsWith("evt_", System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("token").GetString());
            Assert.Equal(2, Cli("operator", "add", "ops", "--db", db).Code);
            Assert.Equal(2, Cli("operator", "token", "nobody", "--db", db).Code);
            Assert.Equal(2, Cli("operator", "add", "x", "--token-days", "0", "--db", db).Code);
            Assert.Equal(0, Cli("operator", "token", "ops", "--db", db).Code);
            var revoked = Cli("operator", "revoke", "ops", "--reason", "rotated", "--db", db);
            Assert.Equal((0, "Revoked 2 token(s) of operator ops."), (revoked.Code, revoked.Out.Trim()));
            Assert.Equal(0, Cli("trial", "create", protocol, "--db", db).Code);
            await using var store = await TrialStore.OpenAsync(db, TimeProvider.System);
            var service = (await store.ReadAuditAsync()).Where(a => a.TrialId is null).Select(a => (a.Action, a.Entity)).ToList();
            Assert.Equal([("operator.add", "operator:ops"), ("operator.token", "operator:ops"), ("operator.revoke", "operator:ops"), ("trial.create", "trial:AALL1731")], service);
            Assert.Equal(0, Cli("audit", "verify", "--db", db).Code);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        }
    }

    private static (int Code, string Out) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EvidentApp.Run(args, stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }
}
