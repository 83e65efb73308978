using System.Text.Json;
using Evident.Data;
using Evident.Reporting.Json;
using Evident.Statistics.Cox;
using Evident.Statistics.Parametric;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Presents a mixture cure model fit: the JSON contract and a table per part, in the manner of <c>summary.survreg</c>.</summary>
/// <param name="frame">The model frame.</param>
/// <param name="fit">The fit.</param>
public sealed class CureReport(ModelFrame frame, MixtureCureFit fit) : IReport
{
    /// <inheritdoc />
    public IReadOnlyList<string> Warnings { get; } = Problems(fit);

    private static string[] Problems(MixtureCureFit fit)
    {
        var warnings = new List<string>();
        if (fit.Status != ConvergenceStatus.Converged)
            warnings.Add($"the cure model did not converge ({fit.Status}) after {fit.Iterations} iterations; the estimates are the last that improved the log-likelihood.");
        if (double.IsNaN(fit.LogScale.StdError))
            warnings.Add("the information matrix is singular at the estimate: standard errors are not estimable (a cure fraction needs follow-up long enough to show a plateau).");
        return [.. warnings];
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) => CureJson.Write(json, frame, fit, Warnings);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Mixture cure model: {Format.Text(frame.Formula.Text)}   (logistic incidence, Weibull latency)");
        WritePart(console, "Incidence: logit P(not cured)", fit.Incidence);
        WritePart(console, "Latency among the not cured: log(time)", fit.Latency);
        console.MarkupLine($"Log(scale) = {Format.Number(fit.LogScale.Estimate)} (se {Format.Number(fit.LogScale.StdError)}),   Scale = {Format.Number(fit.Scale, 3)}");
        console.MarkupLine($"Mean predicted cure probability = {Format.Number(fit.MeanCureProbability, 3)}");
        console.MarkupLine($"Loglik = {Format.Number(fit.LogLikelihood, 6)},   iterations: {fit.Iterations}");
        console.MarkupLine($"n = {fit.N}, events = {fit.Events}" + (frame.DroppedRows > 0 ? " " + Format.Deleted(frame.DroppedRows) : ""));
    }

    private void WritePart(IAnsiConsole console, string title, IReadOnlyList<ParametricCoefficient> terms)
    {
        console.MarkupLine("");
        console.MarkupLine(Format.Text(title));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("term");
        foreach (var h in new[] { "Value", "Std. Error", "z", "p" }) table.AddColumn(new TableColumn(h).RightAligned());
        for (int j = 0; j < terms.Count; j++)
        {
            var c = terms[j];
            string name = j == 0 ? "(Intercept)" : frame.DesignColumns[j - 1] is { Level: { } level } column ? column.Term + level : frame.DesignColumns[j - 1].Term;
            table.AddRow(Format.Text(name), Format.Number(c.Estimate), Format.Number(c.StdError), Format.Number(c.Z), Format.PValue(c.PValue));
        }
        console.Write(table);
    }
}
