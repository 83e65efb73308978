using System.Text.RegularExpressions;
using Evident.Testing;

namespace Evident.Architecture.Tests;

/// <summary>
/// No method is longer than 60 lines, unless it is a numeric kernel that reads better whole; those are named here, each
/// with the reason, and the list may not go stale (every entry must still be a long method).
/// </summary>
public sealed partial class MethodLengthTests
{
    private const int MaxMethodLines = 60;

    /// <summary>Kernels kept whole: one pass over sorted data whose state (risk sets, running sums) the steps share.</summary>
    private static readonly Dictionary<string, string> KernelsKeptWhole = new(StringComparer.Ordinal)
    {
        ["src/Evident.Statistics/Cox/CoxDesign.cs:BuildSorted"] = "sorts by stratum and time and lays out the design in one pass (coxph.R's data preparation)",
        ["src/Evident.Statistics/Cox/CoxRegression.cs:FitCountingProcess"] = "the coxph.R wrapper kept as the house example (STYLE.md)",
        ["src/Evident.Statistics/Cox/CoxNewtonRaphson.cs:Run"] = "the coxfit6.c driver kept as the house example (STYLE.md)",
        ["src/Evident.Statistics/Cox/CoxScoreResiduals.cs:ClusterSums"] = "score residuals by cluster in one backward and forward pass over the risk sets",
        ["src/Evident.Statistics/Cox/CoxLikelihood.cs:EvaluateChunk"] = "Efron/Breslow log-likelihood, score and information over a chunk of strata (the hot loop)",
        ["src/Evident.Statistics/Cox/RadixSort.cs:Sort"] = "LSD radix sort of doubles with its histogram passes",
        ["src/Evident.Statistics/Cox/ProportionalHazardsTest.cs:ComputeCountingProcess"] = "cox.zph's score test accumulated over event times",
        ["src/Evident.Statistics/CompetingRisks/GrayScore.cs:AccumulateStratum"] = "Gray's (1988) score and variance over one stratum's event times",
        ["src/Evident.Statistics/CompetingRisks/SubdistributionRiskSet.cs:Evaluate"] = "Fine–Gray weighted risk sets, score and information in one pass",
        ["src/Evident.Statistics/CompetingRisks/SubdistributionRiskSet.cs:ScoreOuterProduct"] = "the robust (sandwich) variance's score residuals in one pass",
        ["src/Evident.Statistics/CompetingRisks/AalenJohansen.cs:Incidence"] = "Aalen–Johansen estimate and its variance over the event times",
        ["src/Evident.Statistics/CompetingRisks/FineGray.cs:Fit"] = "Newton–Raphson with step halving on the Fine–Gray likelihood",
        ["src/Evident.Statistics/Safety/AdverseEvents.cs:Summarize"] = "counts participants by term, arm and stratum in one pass over the events",
        ["src/Evident.Design/GroupSequential.cs:CreateChecked"] = "the look-by-look recursion for efficacy and futility bounds (rpact's getDesignGroupSequential)",
        ["src/Evident.Design/Monitoring/InterimMonitoring.cs:Analyse"] = "the look-by-look recomputation of bounds at observed information",
        ["src/Evident.Design/Simulation/ReplicateSimulator.cs:Generate"] = "draws one replicate's arrivals, events and censoring in a fixed order of random draws",
        ["src/Evident.Data/CsvScanner.cs:Scan"] = "the CSV hot loop: field, record and quote state shared by its two loops",
    };

    [Fact]
    public void No_method_is_longer_than_60_lines_unless_a_named_kernel()
    {
        var methods = LongMethods().ToList();
        var tooLong = methods.Where(m => !KernelsKeptWhole.ContainsKey(m.Key)).Select(m => $"{m.Key}: {m.Lines} lines");
        var stale = KernelsKeptWhole.Keys.Except(methods.Select(m => m.Key)).Select(k => $"{k} is listed as a long kernel but is not one");
        Assert.Empty(tooLong.Concat(stale));
    }

    /// <summary>
    /// Methods, constructors, accessors and local functions with a block body longer than the limit, found by matching
    /// braces from the declaration line. Type declarations (a primary constructor looks like a method) are not methods.
    /// </summary>
    private static IEnumerable<(string Key, int Lines)> LongMethods()
    {
        foreach (string file in SourceLayoutTests.CSharpFiles.Where(f => f.StartsWith("src/", StringComparison.Ordinal)))
        {
            string[] lines = File.ReadAllLines(RepositoryFiles.PathOf(file));
            for (int i = 0; i < lines.Length; i++)
            {
                var declaration = MethodDeclaration().Match(lines[i]);
                if (!declaration.Success || TypeDeclaration().IsMatch(lines[i])) continue;
                int open = i;
                while (open < lines.Length && !lines[open].Contains('{') && !lines[open].TrimEnd().EndsWith(';') && !lines[open].Contains("=>")) open++;
                if (open >= lines.Length || !lines[open].Contains('{') || lines[open].Contains("=>")) continue;
                int depth = 0, end = open;
                for (; end < lines.Length; end++)
                {
                    depth += lines[end].Count(c => c == '{') - lines[end].Count(c => c == '}');
                    if (depth <= 0) break;
                }
                int length = end - i + 1;
                if (length > MaxMethodLines) yield return ($"{file}:{declaration.Groups[1].Value}", length);
                i = end;
            }
        }
    }

    [GeneratedRegex(@"^\s*(?:(?:public|private|internal|protected|static|async|override|virtual|sealed|unsafe|extern|new|readonly|partial)\s+)+[\w<>\[\],.?() ]+?\s+(\w+)\s*(?:<[^>]*>)?\s*\(")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex(@"\b(class|record|struct|interface|enum)\b")]
    private static partial Regex TypeDeclaration();
}
