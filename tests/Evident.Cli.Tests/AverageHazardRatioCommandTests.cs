using System.Text.Json;

namespace Evident.Cli.Tests;

/// <summary><c>evident ahr</c>: JSON keys, the proportional-hazards closed form through the command line, and bad input.</summary>
public class AverageHazardRatioCommandTests
{
    [Fact]
    public void ProportionalHazardsThroughTheCommandLine()
    {
        var (code, stdout, stderr) = Fixtures.Run("ahr", "--enrollment-rate", "20", "--enrollment-end", "12", "--lambda2", "0.1",
            "--hazard-ratio", "0.7", "--times", "30", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var look = doc.RootElement.GetProperty("looks")[0];
        // Control arm at 10 a month: 10·[12 − (e^{−0.1·18} − e^{−0.1·30})/0.1].
        Assert.Equal(10 * (12 - (Math.Exp(-1.8) - Math.Exp(-3.0)) / 0.1), look.GetProperty("control_events").GetDouble(), 10);
        Assert.Equal(0.7, look.GetProperty("ahr").GetDouble(), 12);
        Assert.Equal(30, look.GetProperty("time").GetDouble());
        foreach (string key in new[] { "events", "experimental_events", "info", "info0", "events_by_period" }) Assert.True(look.TryGetProperty(key, out _), key);
    }

    [Fact]
    public void ADelayedEffectGivesOneUntilFollowUpPassesTheChange()
    {
        var (code, stdout, stderr) = Fixtures.Run("ahr", "--enrollment-rate", "20", "--enrollment-end", "12", "--lambda2", "0.1",
            "--hr-time", "0,6", "--hazard-ratio", "1,0.6", "--times", "5,36", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var looks = doc.RootElement.GetProperty("looks");
        Assert.Equal(1.0, looks[0].GetProperty("ahr").GetDouble(), 14);
        Assert.InRange(looks[1].GetProperty("ahr").GetDouble(), 0.6, 0.9);
        Assert.Equal([0.0, 6.0], doc.RootElement.GetProperty("period_starts").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Theory]
    [InlineData("--hazard-ratio", "1,0.6", "--hazard-ratio has 2 values but --hr-time has 1 starts")]
    [InlineData("--times", "0", "--times 0: must be a positive finite number.")]
    [InlineData("--lambda2", "-0.1", "--lambda2")]
    public void BadInputExitsWithTwo(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--enrollment-rate"] = "20", ["--enrollment-end"] = "12", ["--lambda2"] = "0.1", ["--hazard-ratio"] = "0.7", ["--times"] = "30",
        };
        args[option] = value;
        var (code, _, stderr) = Fixtures.Run(["ahr", .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }
}
