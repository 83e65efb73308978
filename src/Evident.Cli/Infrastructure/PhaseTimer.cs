using System.Diagnostics;

namespace Evident.Cli.Infrastructure;

/// <summary>
/// Where a command's time goes: with the environment variable <c>EVIDENT_TIMINGS=1</c> each phase's wall-clock time
/// is printed to standard error (used for the profile in docs/performance.md). Off by default; costs nothing then.
/// </summary>
public static class PhaseTimer
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("EVIDENT_TIMINGS") == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    /// <summary>Runs <paramref name="phase"/> and, when enabled, reports its duration under <paramref name="name"/>.</summary>
    public static T Time<T>(string name, Func<T> phase)
    {
        if (!Enabled) return phase();
        double start = Clock.Elapsed.TotalMilliseconds;
        T result = phase();
        double end = Clock.Elapsed.TotalMilliseconds;
        Console.Error.WriteLine($"[timing] {name,-22} {end - start,8:F1} ms   (since start of Main {end,8:F1} ms, process {ProcessMilliseconds(),8:F1} ms)");
        return result;
    }

    private static double ProcessMilliseconds() => (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
}
