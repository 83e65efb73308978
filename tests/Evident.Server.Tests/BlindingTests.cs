using System.Net;
using System.Net.Http.Json;
using Evident.Storage;
using Evident.Testing;

namespace Evident.Server.Tests;

/// <summary>
/// A trial is open label or blinded as its protocol's <c>allocation.blinding</c> says (blinded when it does not say);
/// the API's <c>blinded</c> and <c>evident trial create --open-label</c> / <c>--blinded</c> override it.
/// </summary>
public sealed class BlindingTests
{
    private static string Silent(string yaml)
    {
        const string line = "  blinding: open-label         # AALL1731 was open label\n";
        Assert.Contains(line, yaml, StringComparison.Ordinal);
        return yaml.Replace(line, "", StringComparison.Ordinal);
    }

    private static async Task<bool> CreatedBlinded(TestApp app, string id, object body)
    {
        using var ops = app.CreateClient();
        ops.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await app.Store.AddOperatorAsync($"ops-{id.ToLowerInvariant()}", TimeSpan.FromDays(1), "cli:test")).Token);
        var created = await ops.PostAsJsonAsync("/trials", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var trial = await app.Store.GetTrialAsync(id);
        Assert.Equal(trial!.Blinded, (await TestApp.Json(created)).GetProperty("trial").GetProperty("blinded").GetBoolean());
        return trial.Blinded;
    }

    [Fact]
    public async Task The_api_follows_the_protocol_unless_the_body_says_otherwise()
    {
        await using var app = await new TestApp().SeedAsync();
        Assert.False(await CreatedBlinded(app, "OPEN", new { protocolYaml = TestApp.MinimizationYaml("OPEN"), adminName = "boss" }));
        Assert.True(await CreatedBlinded(app, "SILENT", new { protocolYaml = Silent(TestApp.MinimizationYaml("SILENT")), adminName = "boss" }));
        Assert.True(await CreatedBlinded(app, "FORCED", new { protocolYaml = TestApp.MinimizationYaml("FORCED"), adminName = "boss", blinded = true }));
    }

    [Fact]
    public async Task Trial_create_follows_the_protocol_and_its_flags_override_it()
    {
        string root = Path.Combine(Path.GetTempPath(), $"evident-blinding-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            async Task<bool?> Create(string name, params string[] flags)
            {
                string db = Path.Combine(root, name + ".db");
                var (code, _, error) = ExportRoundTripTests.Cli(["trial", "create", RepositoryFiles.ExampleProtocolPath, "--db", db, "--list-length", "8", .. flags]);
                if (code != 0)
                {
                    Assert.Equal(2, code);
                    Assert.Contains("--open-label and --blinded contradict each other", error, StringComparison.Ordinal);
                    return null;
                }
                await using var store = await TrialStore.OpenAsync(db, TimeProvider.System);
                return (await store.GetTrialAsync("AALL1731"))!.Blinded;
            }
            Assert.False(await Create("protocol"));
            Assert.True(await Create("blinded", "--blinded"));
            Assert.False(await Create("open", "--open-label"));
            Assert.Null(await Create("both", "--open-label", "--blinded"));
            Assert.False(File.Exists(Path.Combine(root, "both.db")) && new FileInfo(Path.Combine(root, "both.db")).Length > 0 && await HasTrial(Path.Combine(root, "both.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<bool> HasTrial(string db)
    {
        await using var store = await TrialStore.OpenAsync(db, TimeProvider.System);
        return await store.GetTrialAsync("AALL1731") is not null;
    }
}
