using System.Text.Json;
using Evident.Analysis.Models;
using Evident.Reporting.Json;
using Evident.Data;
using Evident.Statistics;
using Spectre.Console;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Tables;

/// <summary>Presents a Cox fit: the JSON contract and an R <c>summary.coxph</c>-like table.</summary>
public sealed class CoxReport(ModelFrame frame, CoxFit fit) : IReport
{
    /// <inheritdoc />
    public IReadOnlyList<string> Warnings { get; } = CoxWarnings(frame, fit);

    /// <summary>Aliased columns (a singular design) and non-convergence, in words.</summary>
    public static IReadOnlyList<string> CoxWarnings(ModelFrame frame, CoxFit fit)
    {
        var warnings = new List<string>();
        for (int j = 0; j < fit.Terms.Count; j++)
        {
            if (!double.IsNaN(fit.Terms[j].Estimate)) continue;
            string name = CoxModel.ColumnName(frame.DesignColumns[j]);
            warnings.Add($"singular design: column '{name}' is constant or a linear combination of the other covariates; its coefficient is not estimable and is reported as NA (as R's coxph does).");
        }
        if (fit.Status != ConvergenceStatus.Converged)
            warnings.Add($"the Cox fit did not converge ({fit.Status}) after {fit.Iterations} iterations; a coefficient may be infinite (e.g. no events in one group).");
        return warnings;
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        CoxJson.Write(json, frame, fit, Warnings);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        bool robust = fit.RobustScore is not null;
        console.MarkupLine($"Cox regression: {Format.Text(frame.Formula.Text)}   (ties: {CoxJson.TiesName(fit.Ties)})");
        console.MarkupLine($"  n = {fit.N}, number of events = {fit.Events}" + (frame.StratumCount > 1 ? $", strata = {frame.StratumCount}" : ""));
        if (frame.DroppedRows > 0) console.MarkupLine("  " + Format.Deleted(frame.DroppedRows));
        if (fit.Status != ConvergenceStatus.Converged)
            console.MarkupLine($"[bold]Warning:[/] the fit did not converge ({fit.Status}) after {fit.Iterations} iterations; estimates may be infinite.");

        var coefficients = new Table().Border(TableBorder.Simple);
        coefficients.AddColumn("term");
        var headers = robust
            ? new[] { "coef", "exp(coef)", "se(coef)", "robust se", "z", "Pr(>|z|)", "lower .95", "upper .95" }
            : new[] { "coef", "exp(coef)", "se(coef)", "z", "Pr(>|z|)", "lower .95", "upper .95" };
        foreach (var h in headers) coefficients.AddColumn(new TableColumn(h).RightAligned());
        for (int j = 0; j < fit.Terms.Count; j++)
        {
            var c = frame.DesignColumns[j];
            var t = fit.Terms[j];
            var cells = new List<string> { Format.Text(c.Level is null ? c.Term : c.Term + c.Level), Format.Number(t.Estimate), Format.Number(t.HazardRatio), Format.Number(t.StdError) };
            if (robust) cells.Add(Format.Number(t.RobustStdError));
            cells.AddRange([Format.Number(t.Z), Format.PValue(t.PValue), Format.Number(t.ConfLow), Format.Number(t.ConfHigh)]);
            coefficients.AddRow(cells.ToArray());
        }
        console.Write(coefficients);
        console.MarkupLine($"Concordance = {Format.Number(fit.Concordance)}");
        WriteTest(console, "Likelihood ratio test", fit.LikelihoodRatio);
        WriteTest(console, "Wald test", fit.Wald);
        WriteTest(console, "Score (logrank) test", fit.Score);
        if (fit.RobustScore is { } r) WriteTest(console, "Robust score test", r);
    }

    private static void WriteTest(IAnsiConsole console, string name, ChiSquareTest test) =>
        console.MarkupLine($"{name,-24}= {Format.Number(test.Statistic, 5)} on {test.DegreesOfFreedom} df,   p = {Format.PValue(test.PValue)}");
}
