using System.Text.Json;
using Evident.Data;
using Evident.Reporting.Json;
using Evident.Statistics.Cox;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>
/// Presents a Cox fit with its predicted curves (<c>cox --predict</c>): the JSON contract, and R's <c>summary.coxph</c>
/// followed by <c>summary(survfit(fit, newdata))</c> per pattern at its event times.
/// </summary>
public sealed class CoxPredictionReport(ModelFrame frame, CoxFit fit, CovariatePatterns patterns, IReadOnlyList<CoxSurvivalCurve> curves) : IReport
{
    private readonly CoxReport cox = new(frame, fit);

    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => cox.Warnings;

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) => CoxCurvesJson.Write(json, frame, fit, Warnings, patterns, curves);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        cox.WriteTable(console);
        string level = Format.Number(curves[0].ConfidenceLevel * 100, 3) + "%";
        for (int k = 0; k < curves.Count; k++)
        {
            var curve = curves[k];
            string stratum = frame.StratumCount > 1 ? $", stratum {frame.StratumNames[curve.Stratum]}" : "";
            console.MarkupLine("");
            console.MarkupLine($"Predicted survival for {Format.Text(Format.Group(patterns.Labels[k]))}{Format.Text(stratum)}   " +
                               $"({Format.Text(KaplanMeierJson.ConfidenceTypeName(curve.ConfidenceType))} interval, {level})");
            var table = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "time", "n.risk", "n.event", "survival", "std.err", $"lower {level}", $"upper {level}" })
                table.AddColumn(new TableColumn(h).RightAligned());
            for (int t = 0; t < curve.Times.Count; t++)
            {
                if (curve.Events[t] == 0) continue;
                table.AddRow(Format.Number(curve.Times[t], 6), Format.Count(curve.AtRisk[t]), Format.Count(curve.Events[t]),
                             Format.Number(curve.Survival[t]), Format.Number(curve.StdError[t]), Format.Number(curve.ConfLow[t]), Format.Number(curve.ConfHigh[t]));
            }
            console.Write(table);
        }
    }
}
