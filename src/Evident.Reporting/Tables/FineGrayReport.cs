using System.Globalization;
using System.Text.Json;
using Evident.Reporting.Json;
using Evident.Data;
using Evident.Statistics;
using Spectre.Console;
using Evident.Statistics.CompetingRisks;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Tables;

/// <summary>Presents a Fine–Gray fit: the JSON contract and an R <c>summary.crr</c>-like table.</summary>
public sealed class FineGrayReport(ModelFrame frame, FineGrayFit fit) : IReport
{
    /// <inheritdoc />
    public IReadOnlyList<string> Warnings { get; } = fit.Status == ConvergenceStatus.Converged
        ? []
        : [$"the Fine–Gray fit did not converge ({fit.Status}) after {fit.Iterations} iterations (R: converged = FALSE); a coefficient may be infinite."];

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) =>
        FineGrayJson.Write(json, frame, fit, Warnings);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Fine–Gray competing-risks regression: {Format.Text(frame.Formula.Text)}, cause {fit.Cause}");
        console.MarkupLine($"  n = {fit.N}, failures from cause {fit.Cause} = {fit.Events}, competing failures = {fit.CompetingEvents}, censored = {fit.Censored}");
        if (frame.DroppedRows > 0) console.MarkupLine(Format.Deleted(frame.DroppedRows));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("");
        foreach (var h in new[] { "coef", "exp(coef)", "se(coef)", "z", "p-value" }) table.AddColumn(new TableColumn(h).RightAligned());
        string level = Format.Number(fit.ConfidenceLevel * 100, 3) + "%";
        var intervals = new Table().Border(TableBorder.Simple);
        intervals.AddColumn("");
        foreach (var h in new[] { "exp(coef)", "exp(-coef)", $"lower {level}", $"upper {level}" }) intervals.AddColumn(new TableColumn(h).RightAligned());
        for (int j = 0; j < fit.Terms.Count; j++)
        {
            var c = frame.DesignColumns[j];
            string name = Format.Text(c.Level is null ? c.Term : c.Term + c.Level);
            var t = fit.Terms[j];
            table.AddRow(name, Format.Number(t.Estimate), Format.Number(t.HazardRatio), Format.Number(t.StdError), Format.Number(t.Z, 3), Format.PValue(t.PValue));
            intervals.AddRow(name, Format.Number(t.HazardRatio), Format.Number(1 / t.HazardRatio), Format.Number(t.ConfLow), Format.Number(t.ConfHigh));
        }
        console.Write(table);
        console.Write(intervals);
        console.MarkupLine($" Pseudo log-likelihood = {Format.Number(fit.LogLikelihood, 6)}   (null: {Format.Number(fit.LogLikelihoodNull, 6)}); converged: {(fit.Status == ConvergenceStatus.Converged ? "yes" : "no")} in {fit.Iterations} iterations");
    }
}
