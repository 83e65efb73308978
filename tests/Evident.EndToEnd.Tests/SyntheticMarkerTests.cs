using System.Text.Json;
using Evident.Analysis.Input;
using Evident.Cli;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// <c>evident analyze</c> on the output of <c>evident synthesize</c> labels every output SYNTHETIC because of the
/// SYNTHETIC.txt marker, without <c>--synthetic</c>; without the marker (and the flag) nothing is labelled.
/// </summary>
public sealed class SyntheticMarkerTests
{
    private static (int Code, string Errors) Cli(params string[] args)
    {
        var stderr = new StringWriter();
        int code = EvidentApp.Run(args, new StringWriter(), stderr);
        return (code, stderr.ToString());
    }

    private static bool SyntheticIn(string output) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json"))).RootElement.GetProperty("synthetic").GetBoolean();

    [Theory]
    [InlineData("simple")]
    [InlineData("adam")]
    public void AnalyzeLabelsSynthesizedDataAsSynthetic(string layout)
    {
        string dir = Examples.TempDirectory();
        try
        {
            string protocol = Path.Combine(Examples.Folder, "protocol.yaml"), data = Path.Combine(dir, "data"), output = Path.Combine(dir, "out");
            var (code, errors) = Cli("synthesize", protocol, "--scenario", Path.Combine(Examples.Folder, "scenario.yaml"), "--out", data, "--layout", layout, "--participants", "300");
            Assert.True(code == 0, errors);
            string marker = Path.Combine(data, SyntheticMarker.FileName);
            Assert.True(File.Exists(marker));
            Assert.Equal(Path.GetFullPath(marker), SyntheticMarker.Find(layout == "adam" ? data : Path.Combine(data, "participants.csv")));

            string[] input = layout == "adam" ? ["--data", data] : ["--data", Path.Combine(data, "participants.csv"), "--ae", Path.Combine(data, "adverse_events.csv")];
            (code, errors) = Cli(["analyze", protocol, .. input, "--cutoff", "2024-06-30", "--out", output]);
            Assert.True(code == 0, errors);
            Assert.Contains($"evident analyze: {Path.GetFullPath(marker)} marks the data as SYNTHETIC; every output is labelled so.", errors);
            Assert.True(SyntheticIn(output));
            Assert.Contains("data-synthetic>SYNTHETIC DATA", File.ReadAllText(Path.Combine(output, "report.html")));
            foreach (string file in new[] { "summary.md", "summary.html" })
                Assert.Contains("SYNTHETIC DATA: these results come from simulated participants", File.ReadAllText(Path.Combine(output, file)));

            File.Delete(marker);
            Assert.Null(SyntheticMarker.Find(data));
            (code, errors) = Cli(["analyze", protocol, .. input, "--cutoff", "2024-06-30", "--out", output]);
            Assert.True(code == 0, errors);
            Assert.DoesNotContain("SYNTHETIC", errors);
            Assert.False(SyntheticIn(output));
            Assert.DoesNotContain("SYNTHETIC", File.ReadAllText(Path.Combine(output, "summary.md")));

            (code, errors) = Cli(["analyze", protocol, .. input, "--cutoff", "2024-06-30", "--out", output, "--synthetic"]);
            Assert.True(code == 0, errors);
            Assert.True(SyntheticIn(output));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
