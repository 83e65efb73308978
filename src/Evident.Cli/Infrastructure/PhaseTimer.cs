using System.Diagnostics;

namespace Evident.Cli.Infrastructure;

/// <summary>
/// Where a command's time goes: with the environment variable <c>EVIDENT_TIMINGS=1</c> each phase's wall-clock time
/// and the CPU time of the whole process during it (all threads) are printed to standard error, with the time spent
/// before <c>Main</c> (used for the profile in docs/performance.md). On a shared machine the CPU column is the better
/// guide: waiting for a core inflates the wall time, not the CPU time. Off by default; costs nothing then.
/// </summary>
public static class PhaseTimer
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("EVIDENT_TIMINGS") == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    /// <summary>Reports, when enabled, how long the process ran before <c>Main</c> (runtime start-up, loading, static set-up).</summary>
    public static void StartOfMain()
    {
        if (!Enabled) return;
        using var process = Process.GetCurrentProcess();
        double sinceStart = (DateTime.Now - process.StartTime).TotalMilliseconds - Clock.Elapsed.TotalMilliseconds;
        Console.Error.WriteLine($"[timing] {"before Main",-22} {sinceStart,8:F1} ms wall {process.TotalProcessorTime.TotalMilliseconds,8:F1} ms CPU");
    }

    /// <summary>Runs <paramref name="phase"/> and, when enabled, reports its duration under <paramref name="name"/>.</summary>
    public static T Time<T>(string name, Func<T> phase)
    {
        if (!Enabled) return phase();
        double start = Clock.Elapsed.TotalMilliseconds, cpuStart = CpuMilliseconds();
        T result = phase();
        double end = Clock.Elapsed.TotalMilliseconds, cpuEnd = CpuMilliseconds();
        Console.Error.WriteLine($"[timing] {name,-22} {end - start,8:F1} ms wall {cpuEnd - cpuStart,8:F1} ms CPU   (since start of Main {end,8:F1} ms, process {ProcessMilliseconds(),8:F1} ms)");
        return result;
    }

    private static double CpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static double ProcessMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return (DateTime.Now - process.StartTime).TotalMilliseconds;
    }
}
