using BenchmarkDotNet.Attributes;
using Evident.Server.Dashboard;
using Evident.Randomization;
using Evident.Randomization.Capture;
using Evident.Storage;

namespace Evident.Benchmarks;

/// <summary>
/// The live DSMB dashboard at AALL1731's size: 1,440 participants randomized over 48 months in a SQLite store, one
/// follow-up entry each (a relapse, death or last contact) and an adverse event for one in six. One invocation does what
/// a page request does: read the trial, map it onto the protocol, run the whole protocol analysis (primary, strata,
/// subgroups, competing risks, safety, monitoring), draw every figure and render the sections.
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new(new DateTimeOffset(2020, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private string _database = "";
    private TrialStore _store = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _database = Path.Combine(Path.GetTempPath(), $"evident-dashboard-bench-{Guid.NewGuid():N}.db");
        _store = await TrialStore.OpenAsync(_database, _clock);
        string yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "protocol.yaml"));
        var trial = await _store.CreateTrialAsync(yaml, "protocol.yaml", blinded: true, 1000, new Random(1731), "bench");
        foreach (string site in new[] { "S1", "S2", "S3", "S4", "S5" }) await _store.AddSiteAsync(trial.Id, site, null, "bench");
        var random = new Random(20261124);
        var start = _clock.Now;
        var randomized = new List<Allocation>();
        for (int i = 0; i < 1440; i++)
        {
            _clock.Now = start.AddHours(24.0 * 1461 / 1440 * i);
            var request = new EnrolmentRequest($"P{i:D4}", $"S{1 + i % 5}", new Dictionary<string, string> { ["risk"] = random.NextDouble() < 0.6 ? "SR-average" : "SR-high" },
                new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false });
            randomized.Add((await _store.RandomizeAsync(trial.Id, request, null, random, "bench")).Randomization!);
        }
        var cutoff = DateOnly.FromDateTime(start.AddDays(1461 + 365).UtcDateTime);
        _clock.Now = new DateTimeOffset(cutoff.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
        foreach (var r in randomized)
        {
            var from = DateOnly.FromDateTime(r.RandomizedAt.UtcDateTime);
            double hazard = (r.Strata["risk"] == "SR-average" ? 0.003 : 0.005) * (r.Arm == "blinatumomab" ? 0.4 : 1);
            var when = from.AddDays((int)(-Math.Log(1 - random.NextDouble()) / hazard * 30.4375));
            double u = random.NextDouble();
            var entry = when > cutoff ? new CaptureInput(CaptureKind.LastContact, cutoff, null, null, null)
                : u < 0.7 ? new CaptureInput(CaptureKind.Relapse, when, "marrow", null, null)
                : u < 0.9 ? new CaptureInput(CaptureKind.Relapse, when, "cns", null, null)
                : new CaptureInput(CaptureKind.Death, when, null, null, null);
            await _store.RecordAsync(trial.Id, r.ParticipantId, entry, "bench");
            if (random.Next(6) == 0)
                await _store.RecordAsync(trial.Id, r.ParticipantId, new CaptureInput(CaptureKind.AdverseEvent, from.AddDays(20), null, "Sepsis", 3), "bench");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_database + suffix); } catch (IOException) { }
    }

    [Benchmark]
    public InterimDashboard? Dashboard1440() => InterimDashboard.BuildAsync(_store, "AALL1731", _clock).GetAwaiter().GetResult();
}
