using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Evident.Server.Tests;

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;
    public override DateTimeOffset GetUtcNow() => now;
    public void Advance(TimeSpan by) => now += by;
}

/// <summary>
/// One application per test: its own SQLite file (or PostgreSQL database), a fake clock, and a seeded trial with two
/// sites and one user per role, whose minted tokens <see cref="As"/> puts on a client.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Evident.Server.Program>
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
    public const string Trial = "AALL1731";

    private readonly Dictionary<string, string> tokens = new();

    private readonly bool ownsDatabase;

    /// <summary>A new application; on <paramref name="database"/> (a fresh SQLite file when null), which it deletes when it ends unless another node owns it.</summary>
    public TestApp(string? database = null, bool ownsDatabase = true)
    {
        Database = database ?? Path.Combine(Path.GetTempPath(), $"evident-test-{Guid.NewGuid():N}.db");
        this.ownsDatabase = ownsDatabase;
    }

    public string Database { get; }
    public FakeClock Clock { get; } = new(Start);
    public TrialStore Store => Services.GetRequiredService<TrialStore>();

    public static string ProtocolYaml => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "aall1731.yaml"));

    /// <summary>The example protocol switched to Pocock–Simon minimization over risk and site.</summary>
    public static string MinimizationYaml(string id, string? protocolYaml = null) => (protocolYaml ?? ProtocolYaml)
        .Replace("id: AALL1731", $"id: {id}")
        .Replace("  method: permuted-blocks\n  block_sizes: [4, 6]\n  stratify_by: [risk]", "  method: minimization\n  minimization:\n    factors: [risk, site]\n    probability: 0.8");

    /// <summary>
    /// Configuration of the host, set before its first use. The rate limits are off (tests drive many requests with one
    /// token and sign in many times from one address within a minute); the tests of the limits set their own.
    /// </summary>
    public Dictionary<string, string> Settings { get; } = new() { [EvidentServer.ApiPerSecondKey] = "0", [EvidentServer.SignInPerMinuteKey] = "0" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(EvidentServer.DatabaseKey, Database);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// Creates the trial (blinded unless told), sites S1 and S2, and users admin, coord1 (S1), coord2 (S2), blinded, unblinded;
    /// with <paramref name="password"/>, every user can also sign in to the pages with it.
    /// </summary>
    public async Task<TestApp> SeedAsync(bool blinded = true, string? yaml = null, int listLength = 200, string? password = null)
    {
        string? hash = password is null ? null : Evident.Randomization.Accounts.Passwords.Hash(password);
        var trial = await Store.CreateTrialAsync(yaml ?? ProtocolYaml, "protocol.yaml", blinded, listLength, new Random(20260115), "cli:test");
        await Store.AddSiteAsync(trial.Id, "S1", "Site one", "cli:test");
        await Store.AddSiteAsync(trial.Id, "S2", "Site two", "cli:test");
        var year = TimeSpan.FromDays(365);
        tokens["admin"] = (await Store.AddUserAsync(trial.Id, "admin", TrialRole.Admin, null, hash, year, "cli:test")).Token;
        tokens["coord1"] = (await Store.AddUserAsync(trial.Id, "coord1", TrialRole.SiteCoordinator, "S1", hash, year, "cli:test")).Token;
        tokens["coord2"] = (await Store.AddUserAsync(trial.Id, "coord2", TrialRole.SiteCoordinator, "S2", hash, year, "cli:test")).Token;
        tokens["blinded"] = (await Store.AddUserAsync(trial.Id, "blinded", TrialRole.BlindedStatistician, null, hash, year, "cli:test")).Token;
        tokens["unblinded"] = (await Store.AddUserAsync(trial.Id, "unblinded", TrialRole.UnblindedStatistician, null, hash, year, "cli:test")).Token;
        return this;
    }

    public string Token(string user) => tokens[user];

    /// <summary>A client carrying <paramref name="user"/>'s bearer token.</summary>
    public HttpClient As(string user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
        return client;
    }

    public static object Enrolment(string participant, string site, string risk = "SR-high") => new
    {
        participantId = participant,
        site,
        strata = new Dictionary<string, string> { ["risk"] = risk },
        eligibility = new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false },
    };

    public static Task<HttpResponseMessage> Randomize(HttpClient client, object body, string? idempotencyKey = null, string trial = Trial)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/trials/{trial}/randomizations") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// <summary>Row counts of every table that a change writes to, to assert that a refused request wrote nothing.</summary>
    public async Task<string> SnapshotAsync() =>
        $"rand={(await Store.ListRandomizationsAsync(Trial)).Count};audit={(await Store.ReadAuditAsync()).Count};unbl={(await Store.ListUnblindingsAsync(Trial)).Count};" +
        $"sites={(await Store.ListSitesAsync(Trial)).Count};users={(await Store.ListUsersAsync(Trial)).Count}";

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts an RFC 7807 answer with this status.</summary>
    public static async Task AssertProblem(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await Json(response);
        Assert.Equal(status, json.GetProperty("status").GetInt32());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !ownsDatabase || Database.Contains("Host=", StringComparison.OrdinalIgnoreCase)) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(Database + suffix); } catch (IOException) { }
    }
}
