namespace Evident.Statistics;
internal static class PerfTmp
{
    private static readonly bool On = Environment.GetEnvironmentVariable("PT") == "1";
    private static readonly System.Diagnostics.Stopwatch Sw = System.Diagnostics.Stopwatch.StartNew();
    private static double _last;
    public static void Mark(string what)
    {
        if (!On) return;
        double now = Sw.Elapsed.TotalMilliseconds;
        Console.Error.WriteLine($"  [pt] {what,-30} {now - _last,8:F1} ms");
        _last = now;
    }
}
