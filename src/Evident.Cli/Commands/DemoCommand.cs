using System.CommandLine;
using System.Reflection;
using System.Text;
using Evident.Analysis;
using Evident.Analysis.Export;
using Evident.Analysis.Input;
using Evident.Cli.Infrastructure;
using Evident.Protocol;
using Evident.Protocol.Synthetic;
using Evident.Analysis.Results;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident demo [--out DIR]</c>: draws the SYNTHETIC trial calibrated to COG AALL1731 (examples/aall1731/scenario.yaml,
/// fixed seed), analyses it with examples/aall1731/protocol.yaml at the 30 June 2024 cut-off exactly as
/// <c>evident analyze</c> would, writes the closed report (report.html, results.json, summary.md, summary.html), the open
/// report (report-open.html, results-open.json) and the data (data/) to DIR,
/// and prints a short summary.
/// </summary>
public static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "evident-demo" };
        var command = new Command("demo", "Generate and analyse a SYNTHETIC trial calibrated to AALL1731 (no input needed).");
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return CommandRunner.Guard(stderr, () =>
            {
                string dir = parse.GetValue(output)!;
                var results = Run(stderr, dir);
                stdout.Write(DemoAnalysis.ConsoleSummary(results, dir));
            });
        });
        return command;
    }

    /// <summary>Generates, analyses and writes the demo; returns the results.</summary>
    /// <param name="stderr">Progress output.</param>
    /// <param name="directory">Output directory.</param>
    public static AnalysisResults Run(TextWriter stderr, string directory)
    {
        var protocol = TrialProtocol.Parse(Resource("aall1731/protocol.yaml"), "protocol.yaml");
        var scenario = TrialScenario.Parse(Resource("aall1731/scenario.yaml"), "scenario.yaml", protocol);
        var trial = ProtocolTrialGenerator.Generate(protocol, scenario);
        string staging = Path.Combine(Path.GetTempPath(), $"evident-demo-{Guid.NewGuid():N}");
        try
        {
            var (participants, adverseEvents) = SyntheticTables.WriteSimple(trial, staging, DataFileFormat.Csv);
            return AnalyzeCommand.Run(stderr, protocol, participants, adverseEvents, new AnalysisOptions { Cutoff = scenario.Cutoff, Synthetic = true }, directory, output =>
            {
                string data = Path.Combine(output, "data");
                Directory.CreateDirectory(data);
                File.Copy(participants, Path.Combine(data, "participants.csv"));
                File.Copy(adverseEvents, Path.Combine(data, "adverse_events.csv"));
                File.WriteAllText(Path.Combine(data, SyntheticMarker.FileName), SynthesizeCommand.Notice(trial), new UTF8Encoding(false));
            }, "data/participants.csv, data/adverse_events.csv (SYNTHETIC)");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"the embedded example '{name}' is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
