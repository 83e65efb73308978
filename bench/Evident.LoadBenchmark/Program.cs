// Load benchmark of the randomization service: the real HTTP stack (Kestrel on 127.0.0.1), durable commits, N concurrent
// clients each randomizing participants one after another. Prints randomizations per second and latency percentiles.
//   dotnet run -c Release --project bench/Evident.LoadBenchmark -- [--db PATH|CONNECTION] [--clients 64] [--participants 20000] [--warmup 2000] [--pg-stats 1]
// --pg-stats 1 (PostgreSQL): round trips, commits and WAL flushes per randomization and what the backends wait on (PostgresProbe).
// --writer-stats 1: the group-commit writer's batches, queue waits, time holding the audit head and committing (GroupCommitMetrics).
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Net.Sockets;
using Evident.Server;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Storage;

string db = Path.Combine(Path.GetTempPath(), $"evident-load-{Guid.NewGuid():N}.db");
int clients = 64, participants = 20_000, warmup = 2_000;
bool pgStats = false, writerStats = false;
for (int a = 0; a + 1 < args.Length; a += 2)
{
    switch (args[a])
    {
        case "--db": db = args[a + 1]; break;
        case "--clients": clients = int.Parse(args[a + 1]); break;
        case "--participants": participants = int.Parse(args[a + 1]); break;
        case "--warmup": warmup = int.Parse(args[a + 1]); break;
        case "--pg-stats": pgStats = args[a + 1] == "1"; break;
        case "--writer-stats": writerStats = args[a + 1] == "1"; break;
        default: throw new ArgumentException($"unknown option {args[a]}");
    }
}

string token;
await using (var setup = await TrialStore.OpenAsync(db, TimeProvider.System))
{
    string yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "protocol.yaml")).Replace("id: AALL1731", $"id: LOAD{Guid.NewGuid():N}"[..20]);
    var trial = await setup.CreateTrialAsync(yaml, "protocol.yaml", true, (participants + warmup) / 2 + 100, CryptographicRandom.Instance, "bench");
    await setup.AddSiteAsync(trial.Id, "S1", null, "bench");
    token = (await setup.AddUserAsync(trial.Id, "bench", TrialRole.Admin, null, null, TimeSpan.FromDays(1), "bench")).Token;
    Environment.SetEnvironmentVariable("EVIDENT_BENCH_TRIAL", trial.Id);
}
string trialId = Environment.GetEnvironmentVariable("EVIDENT_BENCH_TRIAL")!;

int port;
using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
// One token drives every client here, so the per-token API rate limit is off (0).
var app = await EvidentServer.BuildAsync([$"--{EvidentServer.DatabaseKey}={db}", $"--urls=http://127.0.0.1:{port}", "--Evident:RateLimit:ApiPerSecond=0"]);
await app.StartAsync();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
// The body is written directly, so the client's own serialisation does not compete with the server for the CPU.
StringContent Body(int i) => new(
    $"{{\"participantId\":\"P{i:D7}\",\"site\":\"S1\",\"strata\":{{\"risk\":\"{(i % 2 == 0 ? "SR-average" : "SR-high")}\"}}," +
    "\"eligibility\":{\"age\":true,\"standard_risk\":true,\"prior_therapy\":false}}", Encoding.UTF8, "application/json");

// Warm-up under the same load (JIT tiering, connection pools, caches), not measured; then the measured run.
var latencies = new double[participants];
int failures = await LoadAsync(participants, participants + warmup, new double[warmup]);
await using var pgProbe = pgStats && TrialStore.IsPostgres(db) ? new Evident.LoadBenchmark.PostgresProbe(db) : null;
if (pgProbe is not null) await pgProbe.StartAsync();
GroupCommitMetrics.Enabled = writerStats;
GroupCommitMetrics.Reset();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var pausedBefore = GC.GetTotalPauseDuration();
int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
var clock = Stopwatch.StartNew();
failures += await LoadAsync(0, participants, latencies);
double seconds = clock.Elapsed.TotalSeconds;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var writer = GroupCommitMetrics.Read();
if (pgProbe is not null) await pgProbe.StopAsync(participants);
var paused = GC.GetTotalPauseDuration() - pausedBefore;
string collections = $"{GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}";
await app.StopAsync();
Array.Sort(latencies);
// clients concurrent loops, each randomizing participants first, first + 1, … one after another; returns the failures.
async Task<int> LoadAsync(int first, int end, double[] latency)
{
    int next = first - 1, failed = 0;
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < end)
        {
            long start = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync($"/trials/{trialId}/randomizations", Body(i));
            latency[i - first] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Created) Interlocked.Increment(ref failed);
        }
    })));
    return failed;
}

double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
await using (var check = await TrialStore.OpenAsync(db, TimeProvider.System))
{
    var verification = await check.VerifyAuditAsync();
    Console.WriteLine($"storage          {check.Provider}");
    Console.WriteLine($"clients          {clients}");
    Console.WriteLine($"randomizations   {participants} ({failures} failed)");
    Console.WriteLine($"elapsed          {seconds:F2} s");
    Console.WriteLine($"throughput       {participants / seconds:F0} randomizations/s");
    Console.WriteLine($"latency p50      {P(0.50):F1} ms");
    Console.WriteLine($"latency p99      {P(0.99):F1} ms");
    Console.WriteLine($"latency max      {latencies[^1]:F1} ms");
    Console.WriteLine($"process CPU      {cpu.TotalMilliseconds / participants:F2} ms per randomization (HTTP clients and service together; {cpu.TotalSeconds / seconds:F2} cores busy)");
    if (writerStats) Evident.LoadBenchmark.WriterStats.Print(writer, seconds);
    Console.WriteLine($"GC pauses        {paused.TotalMilliseconds:F0} ms in total; collections gen0/1/2 {collections}");
    Console.WriteLine($"load average     {LoadAverage()} (1, 5, 15 min; 2 cores are shared by client, server and database)");
    Console.WriteLine($"audit chain      {(verification.IsIntact ? "intact" : "BROKEN: " + verification.Problem)} ({verification.Records} records)");
}
if (!args.Contains("--db"))
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
}
return failures == 0 ? 0 : 1;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
