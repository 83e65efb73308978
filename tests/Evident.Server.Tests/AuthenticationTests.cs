using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Evident.Storage;

namespace Evident.Server.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task No_token_unknown_token_expired_token_and_revoked_token_are_401_and_nothing_is_written()
    {
        await using var app = await new TestApp().SeedAsync();
        string before = await app.SnapshotAsync();
        var anonymous = app.CreateClient();
        await TestApp.AssertProblem(await TestApp.Randomize(anonymous, TestApp.Enrolment("P-1", "S1")), 401);

        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "evt_not-a-token");
        await TestApp.AssertProblem(await TestApp.Randomize(forged, TestApp.Enrolment("P-1", "S1")), 401);
        Assert.Equal(before, await app.SnapshotAsync());

        app.Clock.Advance(TimeSpan.FromDays(365) + TimeSpan.FromSeconds(1));
        await TestApp.AssertProblem(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1")), 401);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once()
    {
        await using var app = await new TestApp().SeedAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.As("coord1").GetAsync("/trials/AALL1731/randomizations")).StatusCode);
        var revoke = await app.As("admin").PostAsJsonAsync("/trials/AALL1731/users/coord1/revoke", new { reason = "left the site" });
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1")), 401);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task A_token_of_one_trial_does_not_open_another_trial()
    {
        await using var app = await new TestApp().SeedAsync();
        await app.Store.CreateTrialAsync(TestApp.MinimizationYaml("OTHER"), "other.yaml", true, 10, new Random(1), "cli:test");
        await TestApp.AssertProblem(await app.As("admin").GetAsync("/trials/OTHER/randomizations"), 404);
        await TestApp.AssertProblem(await app.As("admin").GetAsync("/trials/OTHER"), 404);
    }

    [Theory]
    [InlineData("coord1", "/trials/AALL1731/audit")]
    [InlineData("blinded", "/trials/AALL1731/audit")]
    [InlineData("unblinded", "/trials/AALL1731/users")]
    [InlineData("admin", "/trials/AALL1731/allocation-list")]
    [InlineData("coord1", "/trials/AALL1731/allocation-list")]
    public async Task Roles_are_enforced_on_reads(string user, string path)
    {
        await using var app = await new TestApp().SeedAsync();
        await TestApp.AssertProblem(await app.As(user).GetAsync(path), 403);
    }

    [Theory]
    [InlineData("blinded")]
    [InlineData("unblinded")]
    public async Task Statisticians_cannot_randomize(string user)
    {
        await using var app = await new TestApp().SeedAsync();
        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await TestApp.Randomize(app.As(user), TestApp.Enrolment("P-1", "S1")), 403);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Admin_api_adds_sites_and_users_and_the_new_token_works_once_issued()
    {
        await using var app = await new TestApp().SeedAsync();
        var admin = app.As("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/trials/AALL1731/sites", new { id = "S3", label = "Site three" })).StatusCode);
        await TestApp.AssertProblem(await admin.PostAsJsonAsync("/trials/AALL1731/sites", new { id = "S3" }), 409);
        var user = await admin.PostAsJsonAsync("/trials/AALL1731/users", new { name = "coord3", role = "site-coordinator", site = "S3", password = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        string token = (await TestApp.Json(user)).GetProperty("token").GetString()!;
        Assert.StartsWith("evt_", token);
        string? hash = await app.Store.GetPasswordHashAsync(TestApp.Trial, "coord3");
        Assert.True(Evident.Randomization.Accounts.Passwords.Verify(hash!, "correct horse battery"));
        Assert.False(Evident.Randomization.Accounts.Passwords.Verify(hash!, "wrong horse battery"));

        var coord3 = app.CreateClient();
        coord3.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(coord3, TestApp.Enrolment("P-3", "S3"))).StatusCode);

        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await admin.PostAsJsonAsync("/trials/AALL1731/users", new { name = "x", role = "superuser" }), 400);
        await TestApp.AssertProblem(await admin.PostAsJsonAsync("/trials/AALL1731/users", new { name = "y", role = "site-coordinator" }), 400);
        await TestApp.AssertProblem(await admin.PostAsJsonAsync("/trials/AALL1731/users", new { name = "z", role = "site-coordinator", site = "NOPE" }), 400);
        await TestApp.AssertProblem(await app.As("coord1").PostAsJsonAsync("/trials/AALL1731/sites", new { id = "S9" }), 403);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Operator_api_creates_a_trial_and_returns_its_first_admin_token()
    {
        await using var app = await new TestApp().SeedAsync();
        var ops = app.CreateClient();
        ops.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await app.Store.AddOperatorAsync("ops", TimeSpan.FromDays(1), "cli:test")).Token);
        var created = await ops.PostAsJsonAsync("/trials", new { protocolYaml = TestApp.MinimizationYaml("NEWTRIAL"), adminName = "boss" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await TestApp.Json(created);
        Assert.Equal("minimization", json.GetProperty("trial").GetProperty("method").GetString());
        var boss = app.CreateClient();
        boss.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("adminToken").GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync("/trials/NEWTRIAL")).StatusCode);
        await TestApp.AssertProblem(await ops.PostAsJsonAsync("/trials", new { protocolYaml = "arms: [", adminName = "boss" }), 400);
        await TestApp.AssertProblem(await app.As("admin").PostAsJsonAsync("/trials", new { protocolYaml = TestApp.ProtocolYaml, adminName = "boss" }), 403);
    }

    [Fact]
    public async Task OpenApi_document_and_health_are_served()
    {
        await using var app = await new TestApp().SeedAsync();
        string openApi = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/trials/{trialId}/randomizations", openApi);
        Assert.Contains("\"trials\":1", await app.CreateClient().GetStringAsync("/health"));
    }
}
