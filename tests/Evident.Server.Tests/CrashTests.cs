using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Evident.Randomization.Accounts;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// The real <c>evident serve</c> runs as a child process on 127.0.0.1; it is killed with SIGKILL in the middle of a
/// 32-client load and restarted: every acknowledged randomization must be there with the acknowledged arm, nothing
/// half-written, and the invariants and the audit chain must still hold.
/// </summary>
public sealed class CrashTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Serve(string database, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "evident.dll"), "serve", "--db", database, "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthy(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail("evident serve did not become healthy within 60 s");
    }

    [Fact]
    public async Task Sigkill_mid_load_loses_no_acknowledged_randomization()
    {
        string database = Path.Combine(Path.GetTempPath(), $"evident-crash-{Guid.NewGuid():N}.db");
        string token;
        await using (var setup = await TrialStore.OpenAsync(database, TimeProvider.System))
        {
            await setup.CreateTrialAsync(TestApp.ProtocolYaml, "protocol.yaml", true, 3000, new Random(7), "cli:test");
            await setup.AddSiteAsync(TestApp.Trial, "S1", null, "cli:test");
            token = (await setup.AddUserAsync(TestApp.Trial, "admin", TrialRole.Admin, null, null, TimeSpan.FromDays(1), "cli:test")).Token;
        }
        int port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var server = Serve(database, port);
        var acknowledged = new ConcurrentDictionary<string, string>();
        try
        {
            await WaitHealthy(client);
            using var stop = new CancellationTokenSource();
            int next = -1;
            var load = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    int i = Interlocked.Increment(ref next);
                    string id = $"C{i:D6}";
                    try
                    {
                        var response = await TestApp.Randomize(client, TestApp.Enrolment(id, "S1", i % 2 == 0 ? "SR-average" : "SR-high"));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                            acknowledged[id] = json.RootElement.GetProperty("participantId").GetString()!;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The server died under this request: it was not acknowledged.
                    }
                }
            })).ToArray();
            while (acknowledged.Count < 300) await Task.Delay(10);
            server.Kill(entireProcessTree: true); // SIGKILL
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
            Assert.True(acknowledged.Count >= 300);

            server = Serve(database, port);
            await WaitHealthy(client);
            var stored = JsonDocument.Parse(await client.GetStringAsync("/trials/AALL1731/randomizations")).RootElement
                .EnumerateArray().Select(e => e.GetProperty("participantId").GetString()!).ToHashSet();
            Assert.All(acknowledged.Keys, id => Assert.Contains(id, stored));
            // The service still randomizes after the restart.
            Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(client, TestApp.Enrolment("after-restart", "S1"))).StatusCode);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        await using (var check = await TrialStore.OpenAsync(database, TimeProvider.System))
            await Databases.AssertInvariantsAsync(database, check, TestApp.Trial);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
    }
}
