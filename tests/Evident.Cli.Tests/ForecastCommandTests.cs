using System.Globalization;
using System.Text.Json;
using Evident.Testing;

namespace Evident.Cli.Tests;

/// <summary>
/// <c>evident forecast</c> on a SYNTHETIC AALL1731 trial (drawn by <c>evident synthesize</c> from the example protocol and
/// scenario): the contract's keys, ordered dates, determinism, and bad input.
/// </summary>
public sealed class ForecastCommandTests : IDisposable
{
    private static readonly string Protocol = RepositoryFiles.PathOf("examples/aall1731/protocol.yaml");
    private readonly string directory = Directory.CreateTempSubdirectory("evident-forecast-").FullName;

    public ForecastCommandTests()
    {
        var (code, _, stderr) = Fixtures.Run("synthesize", Protocol, "--scenario", RepositoryFiles.PathOf("examples/aall1731/scenario.yaml"),
            "--out", directory, "--participants", "600");
        Assert.True(code == 0, stderr);
    }

    private string Data => Path.Combine(directory, "participants.csv");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void LooksHaveTheContractKeysAndOrderedDates()
    {
        var (code, stdout, stderr) = Fixtures.Run("forecast", Protocol, "--data", Data, "--cutoff", "2021-06-30", "--replicates", "1000", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("event_forecast", root.GetProperty("analysis").GetString());
        var looks = root.GetProperty("looks").EnumerateArray().ToList();
        Assert.Equal(4, looks.Count);
        DateOnly previous = DateOnly.MinValue;
        int observed = root.GetProperty("events").GetInt32();
        foreach (var look in looks)
        {
            Assert.Equal(0.9, look.GetProperty("level").GetDouble());
            Assert.True(look.GetProperty("target_events").GetInt32() > observed);
            Assert.False(look.GetProperty("reached").GetBoolean());
            var (predicted, lower, upper) = (Date(look, "predicted_date"), Date(look, "lower"), Date(look, "upper"));
            Assert.True(lower <= predicted && predicted <= upper, $"{lower} {predicted} {upper}");
            Assert.True(lower > new DateOnly(2021, 6, 30));
            Assert.True(predicted > previous);
            previous = predicted;
        }
        Assert.Equal([42, 83, 124, 165], looks.Select(l => l.GetProperty("target_events").GetInt32()));
    }

    [Fact]
    public void TheSameSeedGivesTheSameForecastAndALookAlreadyReachedIsDated()
    {
        string[] args = ["forecast", Protocol, "--data", Data, "--cutoff", "2024-06-30", "--replicates", "500", "--seed", "7", "--format", "json"];
        var first = Fixtures.Run(args);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(first.Stdout, Fixtures.Run(args).Stdout);
        using var doc = JsonDocument.Parse(first.Stdout);
        var look = doc.RootElement.GetProperty("looks")[0];
        Assert.True(look.GetProperty("reached").GetBoolean());
        Assert.Equal(Date(look, "lower"), Date(look, "predicted_date"));
        Assert.True(Date(look, "predicted_date") <= new DateOnly(2024, 6, 30));
    }

    [Theory]
    [InlineData("--accrual", "guess", "--accrual 'guess': expected observed or plan.")]
    [InlineData("--pieces", "1,6", "--pieces: the first piece must start at 0.")]
    [InlineData("--pieces", "0,600", "--pieces 600: no follow-up reaches piece 2")]
    [InlineData("--cutoff", "30/06/2021", "--cutoff '30/06/2021': expected a date as yyyy-mm-dd")]
    [InlineData("--level", "1", "--level 1: must lie strictly between 0 and 1.")]
    public void BadInputIsNamed(string option, string value, string message)
    {
        string[] cutoff = option == "--cutoff" ? [] : ["--cutoff", "2021-06-30"];
        var (code, stdout, stderr) = Fixtures.Run(["forecast", Protocol, "--data", Data, .. cutoff, option, value]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    private static DateOnly Date(JsonElement look, string key) =>
        DateOnly.ParseExact(look.GetProperty(key).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
