using System.CommandLine;
using Evident.Analysis.Models;
using Evident.Cli.Infrastructure;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident safety</c>: the adverse-event incidence table from an ADAE-shaped file — per term and arm, participants
/// with an event of at least <c>--min-grade</c>, the risk difference with its Wald interval, Fisher's exact test (R:
/// <c>fisher.test</c>) and, with <c>--stratum</c>, the Cochran–Mantel–Haenszel test (R: <c>mantelhaen.test</c>).
/// </summary>
public static class SafetyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Adverse events, one row per event (ADAE shape): .csv, .tsv or .parquet." };
        var subject = new Option<string>("--subject") { Description = "Participant identifier column (e.g. USUBJID).", Required = true };
        var arm = new Option<string>("--arm") { Description = "Treatment arm column (e.g. ARM, TRTA).", Required = true };
        var term = new Option<string>("--term") { Description = "Adverse-event term column (e.g. AEDECOD).", Required = true };
        var grade = new Option<string>("--grade") { Description = "Grade column, whole numbers 1–5 (e.g. AETOXGR).", Required = true };
        var stratum = new Option<string?>("--stratum") { Description = "Stratification column for the Cochran–Mantel–Haenszel test (e.g. REGION)." };
        var minGrade = new Option<int>("--min-grade") { Description = "Count events of at least this grade (1–5).", DefaultValueFactory = _ => 3 };
        var subjects = new Option<string?>("--subjects")
        {
            Description = "Subject list giving the denominators (columns named as --subject, --arm and --stratum); default: the participants in FILE.",
        };
        var reference = new Option<string?>("--reference") { Description = "The comparator arm (default: the first arm in R's factor order)." };
        var confLevel = ConfidenceLevelOption.Create("Confidence level, between 0 and 1.");
        var output = new OutputOptions();

        var command = new Command("safety",
            "Adverse events per term and arm: participants with grade ≥ k, risk difference, Fisher's exact test, Cochran–Mantel–Haenszel test.");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { subject, arm, term, grade, stratum, minGrade, subjects, reference, confLevel }) command.Options.Add(option);
        output.AddTo(command);
        CommandRunner.SetReportAction(command, output, parse =>
        {
            int min = parse.GetValue(minGrade);
            if (min is < 1 or > 5) throw new UsageException($"--min-grade {min}: expected a grade from 1 to 5.");
            double level = parse.GetValue(confLevel);
            string path = parse.GetValue(file)!;
            string? list = parse.GetValue(subjects);
            foreach (string? p in new[] { path, list })
                if (p is not null && !File.Exists(p)) throw new UsageException($"file '{p}' does not exist.");

            var data = SafetyData.Read(path, list, parse.GetValue(subject)!, parse.GetValue(arm)!, parse.GetValue(term)!,
                                       parse.GetValue(grade)!, parse.GetValue(stratum));
            int referenceArm = 0;
            if (parse.GetValue(reference) is { } name)
            {
                referenceArm = data.Arms.ToList().IndexOf(name);
                if (referenceArm < 0) throw new UsageException($"--reference '{name}' is not an arm; arms are {string.Join(", ", data.Arms)}.");
            }
            var table = data.Summarize(min, referenceArm, level);
            return new SafetyReport(parse.GetValue(arm)!, parse.GetValue(stratum), data.Arms, data.Strata, data.Terms,
                                    data.FromSubjectList, level, table);
        });
        return command;
    }
}
