namespace Evident.Cli.Tests;

/// <summary>
/// Hard failures of the kernels on valid input (a non-finite Cox information matrix, a singular Fine–Gray one) exit
/// with code 1 and one line on standard error, write nothing, and never surface as an unhandled exception.
/// </summary>
public sealed class AnalysisFailureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evident-fail-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Csv(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    // Finite values whose sum overflows: the covariate's mean is +∞, so the log partial likelihood at β = 0 is not finite.
    private const string Overflowing = "time,status,x\n1,1,1e308\n2,1,1.5e308\n3,0,1.2e308\n4,1,1.7e308\n";

    private (int Code, string Stdout, string Stderr, bool OutputWritten) Run(params string[] args)
    {
        string output = Path.Combine(_directory, "result.json");
        var (code, stdout, stderr) = Fixtures.Run([.. args, "--format", "json", "--output", output]);
        return (code, stdout, stderr, File.Exists(output));
    }

    private static void AssertOneLineFailure(string stderr, string message)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("evident: analysis failed: ", lines[0]);
        Assert.Contains(message, lines[0]);
    }

    [Fact]
    public void CoxWithANonFiniteInformationMatrixExitsOne()
    {
        var r = Run("cox", Csv("overflow.csv", Overflowing), "--formula", "Surv(time, status) ~ x");
        Assert.Equal(1, r.Code);
        Assert.Equal("", r.Stdout);
        Assert.False(r.OutputWritten);
        AssertOneLineFailure(r.Stderr, "information matrix is not finite at β = 0");
    }

    [Fact]
    public void ProportionalHazardsTestOfAFailedCoxFitExitsOne()
    {
        var r = Run("zph", Csv("overflow.csv", Overflowing), "--formula", "Surv(time, status) ~ x");
        Assert.Equal(1, r.Code);
        Assert.False(r.OutputWritten);
        AssertOneLineFailure(r.Stderr, "information matrix is not finite at β = 0");
    }

    [Fact]
    public void FineGrayWithASingularInformationMatrixExitsOne()
    {
        var r = Run("finegray", Csv("constant.csv", "time,cause,x\n1,1,5\n2,2,5\n3,1,5\n4,0,5\n5,1,5\n6,2,5\n"),
                    "--formula", "Surv(time, cause) ~ x", "--cause", "1");
        Assert.Equal(1, r.Code);
        Assert.False(r.OutputWritten);
        AssertOneLineFailure(r.Stderr, "the Fine–Gray information matrix is singular");
    }

    [Fact]
    public void TheSameDataWithoutTheOverflowFitsAndExitsZero()
    {
        // The failure is the overflow, not the shape of the data: rescaled by 1e-300 the model fits.
        var r = Run("cox", Csv("scaled.csv", "time,status,x\n1,1,1e8\n2,1,1.5e8\n3,0,1.2e8\n4,1,1.7e8\n"), "--formula", "Surv(time, status) ~ x");
        Assert.Equal(0, r.Code);
        Assert.True(r.OutputWritten);
    }
}
