using System.Text.Json;
using Evident.Analysis;
using Evident.Analysis.Export;
using Evident.Analysis.Input;
using Evident.Cli;
using Evident.Reporting.Report;
using Evident.Protocol;
using Evident.Protocol.Synthetic;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// A safety term of interest that never occurs in the adverse-event data (a typo such as <c>Sepsiz</c>) is not silently
/// tabulated as 0/0 with p = 1: a warning names it, suggests the closest term and lists the terms present, in
/// results.json, report.html and on standard error.
/// </summary>
public sealed class SafetyTermWarningTests
{
    private const string Present = "Catheter related infection, Cytokine release syndrome, Febrile neutropenia, Nausea, Seizure, Sepsis";

    private static string Text(string terms) =>
        File.ReadAllText(Path.Combine(Examples.Folder, "protocol.yaml")).Replace("terms: [Sepsis, Catheter related infection]", terms);

    [Fact]
    public void AbsentTermsAreWarnedAboutEverywhere()
    {
        var protocol = TrialProtocol.Parse(Text("terms: [Sepsiz, Catheter related infection, seizure, Hepatitis]"), "protocol.yaml");
        var trial = ProtocolTrialGenerator.Generate(protocol, Examples.Scenario(protocol), participants: 600);
        string dir = Examples.TempDirectory();
        try
        {
            var (p, a) = SyntheticTables.WriteSimple(trial, dir, DataFileFormat.Csv);
            var results = TrialAnalysis.Run(protocol, SimpleLayoutReader.Read(protocol, p, a));
            string[] expected =
            [
                $"Safety: term of interest 'Sepsiz' (analyses.safety.terms) does not occur in the adverse-event data, so it counts 0 participants; did you mean 'Sepsis'? Terms present: {Present}.",
                $"Safety: term of interest 'seizure' (analyses.safety.terms) does not occur in the adverse-event data, so it counts 0 participants; did you mean 'Seizure'? Terms present: {Present}.",
                $"Safety: term of interest 'Hepatitis' (analyses.safety.terms) does not occur in the adverse-event data, so it counts 0 participants. Terms present: {Present}.",
            ];
            Assert.Equal(expected.Length, results.Warnings.Count);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], results.Warnings[i]);
            // The term stays in the table as the protocol asks, with its zero count.
            Assert.Equal("Sepsiz", results.Safety!.Terms[0]);
            Assert.Equal([0, 0], results.Safety.Table.Terms[0].Participants);

            var json = JsonDocument.Parse(ResultsJson.Render(results)).RootElement.GetProperty("warnings");
            Assert.Equal(expected, json.EnumerateArray().Select(x => x.GetString()));
            string html = HtmlReport.Render(results);
            Assert.Contains("<section id=\"warnings\" class=\"warning\" data-warnings><h2>Warnings</h2><ul><li>Safety: term of interest &#39;Sepsiz&#39;", html);

            string protocolPath = Path.Combine(dir, "protocol.yaml"), output = Path.Combine(dir, "out");
            File.WriteAllText(protocolPath, Text("terms: [Sepsiz, Catheter related infection, seizure, Hepatitis]"));
            var stderr = new StringWriter();
            int code = EvidentApp.Run(["analyze", protocolPath, "--data", p, "--ae", a, "--out", output], new StringWriter(), stderr);
            Assert.True(code == 0, stderr.ToString());
            Assert.Equal(expected.Select(w => "evident analyze: warning: " + w), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void NoWarningWhenEveryTermOccursAndOneWhenThereAreNoAdverseEvents()
    {
        var protocol = Examples.Protocol;
        var trial = ProtocolTrialGenerator.Generate(protocol, Examples.Scenario(protocol), participants: 300);
        string dir = Examples.TempDirectory();
        try
        {
            var (p, a) = SyntheticTables.WriteSimple(trial, dir, DataFileFormat.Csv);
            var results = TrialAnalysis.Run(protocol, SimpleLayoutReader.Read(protocol, p, a));
            Assert.Empty(results.Warnings);
            Assert.Contains("\"warnings\": []", ResultsJson.Render(results));
            Assert.DoesNotContain("data-warnings", HtmlReport.Render(results));

            var withoutEvents = TrialAnalysis.Run(protocol, SimpleLayoutReader.Read(protocol, p, null));
            Assert.Equal(["Safety: the adverse-event data hold no event, so the terms of interest (Sepsis, Catheter related infection) all count 0 participants."],
                         withoutEvents.Warnings);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
