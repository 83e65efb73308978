using System.Text.Json;
using Evident.Data;
using Evident.Reporting.Json;
using Evident.Statistics.Cox;
using Evident.Statistics.Parametric;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a parametric regression fit: the JSON contract and an R <c>summary.survreg</c>-like table.</summary>
public sealed class SurvregReport(ModelFrame frame, ParametricFit fit) : IReport
{
    /// <inheritdoc />
    public IReadOnlyList<string> Warnings { get; } = fit.Status == ConvergenceStatus.Converged
        ? []
        : [$"the survreg fit did not converge ({fit.Status}) after {fit.Iterations} iterations; the estimates are the last that improved the log-likelihood."];

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) => SurvregJson.Write(json, frame, fit, Warnings);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Parametric survival regression: {Format.Text(frame.Formula.Text)}   (dist: {SurvregJson.DistributionName(fit.Distribution)})");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("term");
        foreach (var h in new[] { "Value", "Std. Error", "z", "p" }) table.AddColumn(new TableColumn(h).RightAligned());
        for (int j = 0; j < fit.Coefficients.Count; j++)
        {
            var c = fit.Coefficients[j];
            string name = j == 0 ? "(Intercept)" : ColumnName(frame.DesignColumns[j - 1]);
            table.AddRow(Format.Text(name), Format.Number(c.Estimate), Format.Number(c.StdError), Format.Number(c.Z), Format.PValue(c.PValue));
        }
        for (int s = 0; s < fit.LogScales.Count; s++)
        {
            var c = fit.LogScales[s];
            // R names the log-scale rows by stratum with strata(), else Log(scale).
            string name = frame.StratumCount > 1 ? frame.StratumNames[s] : "Log(scale)";
            table.AddRow(Format.Text(name), Format.Number(c.Estimate), Format.Number(c.StdError), Format.Number(c.Z), Format.PValue(c.PValue));
        }
        console.Write(table);
        if (fit.Distribution == SurvivalDistribution.Exponential) console.MarkupLine("Scale fixed at 1");
        else if (frame.StratumCount > 1)
            console.MarkupLine("Scale: " + string.Join("   ", fit.Scales.Select((v, s) => $"{Format.Text(frame.StratumNames[s])} = {Format.Number(v, 3)}")));
        else console.MarkupLine($"Scale = {Format.Number(fit.Scales[0], 3)}");
        console.MarkupLine("");
        console.MarkupLine($"{DistributionTitle(fit.Distribution)} distribution");
        console.MarkupLine($"Loglik(model) = {Format.Number(fit.LogLikelihood, 5)}   Loglik(intercept only) = {Format.Number(fit.LogLikelihoodNull, 5)}");
        if (fit.LikelihoodRatio.DegreesOfFreedom > 0)
            console.MarkupLine($"  Chisq = {Format.Number(fit.LikelihoodRatio.Statistic, 4)} on {fit.LikelihoodRatio.DegreesOfFreedom} degrees of freedom, p = {Format.PValue(fit.LikelihoodRatio.PValue)}");
        console.MarkupLine($"Number of Newton-Raphson iterations: {fit.Iterations}");
        console.MarkupLine($"n = {fit.N}" + (frame.DroppedRows > 0 ? " " + Format.Deleted(frame.DroppedRows) : ""));
    }

    private static string ColumnName(DesignColumn column) => column.Level is null ? column.Term : column.Term + column.Level;

    private static string DistributionTitle(SurvivalDistribution distribution) => distribution switch
    {
        SurvivalDistribution.Exponential => "Exponential",
        SurvivalDistribution.LogNormal => "Log Normal",
        SurvivalDistribution.LogLogistic => "Log logistic",
        _ => "Weibull",
    };
}
