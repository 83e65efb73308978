using System.Diagnostics;

namespace Evident.Cli.Tests;

/// <summary>
/// <c>EVIDENT_TIMINGS=1</c> (docs/performance.md) prints each phase to standard error and changes nothing else. The
/// switch is read once per process, so the command runs as a child process of the built <c>evident.dll</c>.
/// </summary>
public sealed class PhaseTimingTests
{
    [Fact]
    public void TimingsGoToStandardErrorAndLeaveTheOutputAsItIs()
    {
        string[] args = ["km", Fixtures.Data("aml.csv"), "--formula", "Surv(time, status) ~ x", "--format", "json"];
        var plain = RunProcess(args, timings: false);
        var timed = RunProcess(args, timings: true);

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, timed.ExitCode);
        Assert.Equal(plain.Stdout, timed.Stdout);
        Assert.DoesNotContain("[timing]", plain.Stderr);
        foreach (string phase in new[] { "before Main", "build command line", "parse command line", "read columns", "build model frame",
                                         "group rows", "fit Kaplan–Meier", "load and analyse", "render and write" })
            Assert.Matches($@"\[timing\] {phase} +[0-9.]+ ms wall +[0-9.]+ ms CPU", timed.Stderr);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunProcess(string[] args, bool timings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "evident.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["EVIDENT_TIMINGS"] = timings ? "1" : "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
