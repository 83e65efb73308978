using System.CommandLine;
using System.Globalization;
using Evident.Analysis;
using Evident.Analysis.Input;
using Evident.Cli.Infrastructure;
using Evident.Reporting.Report;
using Evident.Protocol;
using Spectre.Console;
using Evident.Analysis.Results;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident analyze PROTOCOL --data PATH [--ae PATH] [--cutoff DATE] [--out DIR]</c>: runs the protocol's analysis plan
/// on the trial's data (simple layout file, or a directory of ADaM data sets) and writes atomically into DIR the closed
/// report (report.html, results.json, summary.md, summary.html: by arm, for the data monitoring committee) and the open
/// report (report-open.html, results-open.json: all arms pooled, for the steering committee); <c>--report open|closed|both</c>
/// chooses (default both: what a committee's statistician prepares for a meeting).
/// </summary>
public static class AnalyzeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var protocol = new Argument<string>("PROTOCOL") { Description = "The protocol and analysis plan (YAML; see docs/protocol.md)." };
        var data = new Option<string>("--data") { Required = true, Description = "Participant file (.csv, .tsv, .parquet) in the simple layout, or a directory with ADaM adsl/adtte/adae (.xpt, .parquet, .csv)." };
        var ae = new Option<string?>("--ae") { Description = "Adverse-event table of the simple layout (.csv, .tsv, .parquet)." };
        var cutoff = new Option<string?>("--cutoff") { Description = "Data cut-off date (yyyy-mm-dd): later follow-up is censored at it." };
        var output = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "evident-report" };
        var report = new Option<string>("--report")
        {
            Description = "Which report: closed (by arm, for the data monitoring committee: report.html, results.json, summary.md, summary.html), open (all arms pooled, for the steering committee: report-open.html, results-open.json) or both.",
            DefaultValueFactory = _ => "both",
        };
        report.AcceptOnlyFromAmong("open", "closed", "both");
        var synthetic = new Option<bool>("--synthetic") { Description = "Label every output as SYNTHETIC data (implied when the data's folder holds SYNTHETIC.txt, as written by evident synthesize)." };
        var command = new Command("analyze", "Analyse a trial's data as its protocol prescribes: the closed report (report.html, results.json, summary.md, summary.html) and the open report (report-open.html, results-open.json).");
        command.Arguments.Add(protocol);
        command.Options.Add(data);
        command.Options.Add(ae);
        command.Options.Add(cutoff);
        command.Options.Add(output);
        command.Options.Add(report);
        command.Options.Add(synthetic);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return CommandRunner.Guard(stderr, () =>
            {
                var options = new AnalysisOptions { Cutoff = ParseCutoff(parse.GetValue(cutoff)), Synthetic = parse.GetValue(synthetic) };
                var kinds = Reports(parse.GetValue(report)!);
                var results = Run(stderr, LoadProtocol(parse.GetValue(protocol)!), parse.GetValue(data)!, parse.GetValue(ae), options, parse.GetValue(output)!, kinds: kinds);
                stdout.WriteLine($"evident analyze: wrote {string.Join(", ", FileNames(kinds))} to {parse.GetValue(output)} ({results.Participants} participants).");
            });
        });
        return command;
    }

    /// <summary>Reads a protocol file, turning a protocol error into a usage error (exit code 2).</summary>
    /// <param name="path">The protocol file.</param>
    public static TrialProtocol LoadProtocol(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"protocol file '{path}' does not exist.");
        try
        {
            return TrialProtocol.Load(path);
        }
        catch (ProtocolException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>
    /// Loads, analyses and writes, showing progress on standard error when it is a terminal. Data whose folder holds the
    /// <see cref="SyntheticMarker"/> (<c>SYNTHETIC.txt</c>, written by <c>evident synthesize</c>) are labelled SYNTHETIC
    /// even without <see cref="AnalysisOptions.Synthetic"/>; the analysis's warnings go to <paramref name="stderr"/>.
    /// </summary>
    /// <param name="stderr">Where progress goes.</param>
    /// <param name="protocol">The protocol.</param>
    /// <param name="dataPath">Data file or ADaM directory.</param>
    /// <param name="adverseEvents">Adverse-event file, or null.</param>
    /// <param name="options">Cut-off and labelling.</param>
    /// <param name="outputDirectory">Where the files go.</param>
    /// <param name="extra">Writes further files into the output (e.g. the demo's data), or null.</param>
    /// <param name="dataLabel">How the report names the data read, or null for the paths.</param>
    /// <param name="kinds">The reports to write (<see cref="Render"/>); null = both.</param>
    public static AnalysisResults Run(TextWriter stderr, TrialProtocol protocol, string dataPath, string? adverseEvents, AnalysisOptions options,
                                      string outputDirectory, Action<string>? extra = null, string? dataLabel = null, IReadOnlyList<ReportKind>? kinds = null)
    {
        if (!options.Synthetic && (SyntheticMarker.Find(dataPath) ?? (adverseEvents is null ? null : SyntheticMarker.Find(adverseEvents))) is { } marker)
        {
            stderr.WriteLine($"evident analyze: {marker} marks the data as SYNTHETIC; every output is labelled so.");
            options = options with { Synthetic = true };
        }
        AnalysisResults? results = null;
        void Steps(Action<string> step)
        {
            step("Reading data");
            var data = TrialDataLoader.Load(protocol, dataPath, adverseEvents);
            step("Analysing");
            results = TrialAnalysis.Run(protocol, data, options);
            if (dataLabel is not null) results = results with { DataSource = dataLabel };
            step("Rendering report and figures");
            var files = Render(results, kinds ?? Both);
            step("Writing");
            AnalyzeCommandOutput.Write(outputDirectory, files, extra);
        }
        bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        if (terminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Status().Start("Starting", ctx => Steps(s => ctx.Status(s)));
        }
        else
        {
            Steps(_ => { });
        }
        foreach (string warning in results!.Warnings) stderr.WriteLine($"evident analyze: warning: {warning}");
        return results;
    }

    /// <summary>Both reports, closed first.</summary>
    public static readonly IReadOnlyList<ReportKind> Both = [ReportKind.Closed, ReportKind.Open];

    /// <summary>
    /// The output files rendered in memory: for the closed report report.html, results.json and the clinician summary
    /// (summary.md, summary.html: it compares the arms); for the open report report-open.html and results-open.json.
    /// </summary>
    /// <param name="results">The results.</param>
    /// <param name="kinds">The reports to render; null = both.</param>
    public static IReadOnlyDictionary<string, string> Render(AnalysisResults results, IReadOnlyList<ReportKind>? kinds = null)
    {
        var files = new Dictionary<string, string>();
        foreach (var kind in kinds ?? Both)
        {
            if (kind == ReportKind.Open)
            {
                files["report-open.html"] = HtmlReport.Render(results, ReportKind.Open);
                files["results-open.json"] = ResultsJson.Render(results, ReportKind.Open);
                continue;
            }
            var page = ClinicianPage.From(results);
            files["report.html"] = HtmlReport.Render(results);
            files["results.json"] = ResultsJson.Render(results);
            files["summary.md"] = ClinicianSummaryWriter.Markdown(page);
            files["summary.html"] = ClinicianSummaryWriter.Html(page);
        }
        return files;
    }

    /// <summary>The names of the files <see cref="Render"/> writes for <paramref name="kinds"/>, in order.</summary>
    /// <param name="kinds">The reports.</param>
    public static IReadOnlyList<string> FileNames(IReadOnlyList<ReportKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.SelectMany(kind => kind == ReportKind.Open ? new[] { "report-open.html", "results-open.json" } : ["report.html", "results.json", "summary.md", "summary.html"]).ToArray();
    }

    /// <summary>The reports of <c>--report</c>'s value.</summary>
    private static IReadOnlyList<ReportKind> Reports(string value) => value switch
    {
        "open" => [ReportKind.Open],
        "closed" => [ReportKind.Closed],
        _ => Both,
    };

    private static DateOnly? ParseCutoff(string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new UsageException($"--cutoff '{text}': expected a date as yyyy-mm-dd, e.g. 2024-06-30.");
    }
}
