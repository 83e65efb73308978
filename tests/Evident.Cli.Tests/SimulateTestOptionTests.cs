using System.Text.Json;
using Evident.Testing;

namespace Evident.Cli.Tests;

/// <summary><c>evident simulate --test</c> and the delayed-effect example.</summary>
public class SimulateTestOptionTests
{
    private static string Example => Path.Combine(RepositoryFiles.Root, "examples", "delayed-effect-simulation.yaml");

    [Fact]
    public void TheTestIsAppliedAndNamedInTheJson()
    {
        var (code, stdout, stderr) = Fixtures.Run("simulate", Example, "--test", "maxcombo(0,0;0,1;1,0)", "--reps", "200", "--seed", "5", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("maxcombo(0,0;0,1;1,0)", doc.RootElement.GetProperty("test").GetString());
        Assert.InRange(doc.RootElement.GetProperty("power").GetDouble(), 0.7, 1);
    }

    [Fact]
    public void ShardsOfDifferentTestsDoNotMerge()
    {
        string dir = Directory.CreateTempSubdirectory("evident-sim-").FullName;
        try
        {
            string a = Path.Combine(dir, "a.json"), b = Path.Combine(dir, "b.json");
            Assert.Equal(0, Fixtures.Run("simulate", Example, "--reps", "20", "--shard", "1/2", "--format", "json", "-o", a).ExitCode);
            Assert.Equal(0, Fixtures.Run("simulate", Example, "--test", "fh(0,1)", "--reps", "20", "--shard", "2/2", "--format", "json", "-o", b).ExitCode);
            var (code, _, stderr) = Fixtures.Run("simulate", "merge", a, b);
            Assert.NotEqual(0, code);
            Assert.Contains("different tests (logrank and fh(0,1))", stderr);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("fh(1)", "--test fh(1): expected logrank, fh(rho,gamma)")]
    [InlineData("rmst(-1)", "--test -1: the RMST restriction time tau must be a positive finite number.")]
    public void ABadTestIsABadInput(string test, string message)
    {
        var (code, _, stderr) = Fixtures.Run("simulate", Example, "--test", test, "--reps", "10");
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }
}
