using System.CommandLine;
using Evident.Data;
using Evident.Statistics.Cox;

namespace Evident.Cli.Infrastructure;

/// <summary>Runs an analysis command: compute the report, write it, and turn failures into messages and exit codes.</summary>
public static class CommandRunner
{
    /// <summary>Sets <paramref name="command"/>'s action to run <paramref name="analyse"/> and write its report.</summary>
    public static void SetReportAction(Command command, OutputOptions output, Func<ParseResult, IReport> analyse)
    {
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return Guard(stderr, () =>
            {
                var report = PhaseTimer.Time("load and analyse", () => analyse(parse));
                foreach (string warning in report.Warnings) stderr.WriteLine($"evident: warning: {warning}");
                PhaseTimer.Time("render and write", () => { ReportWriter.Write(report, parse.GetValue(output.Format), parse.GetValue(output.Output), stdout); return 0; });
            });
        });
    }

    /// <summary>
    /// Runs <paramref name="body"/>; input errors exit 2, analysis failures exit 1, each with one clear line. The hard
    /// failures of the kernels are analysis failures: a Cox information matrix that is not finite
    /// (<see cref="CoxConvergenceException"/>), a singular Fine–Gray information matrix or non-finite log-likelihood
    /// (<see cref="InvalidOperationException"/>), an overflow (<see cref="ArithmeticException"/>).
    /// </summary>
    public static int Guard(TextWriter stderr, Action body)
    {
        try
        {
            body();
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is DataInputException or FormulaException or UsageException or ArgumentException
                                      or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"evident: error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is CoxConvergenceException or ArithmeticException or InvalidOperationException or IOException)
        {
            stderr.WriteLine($"evident: analysis failed: {e.Message}");
            return ExitCodes.AnalysisFailed;
        }
    }
}
