using System.Text.Json;
using Evident.Analysis.Models;
using Evident.Data;
using Evident.Reporting.Json;
using Evident.Statistics;
using Evident.Statistics.Cox;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>
/// Presents a Cox fit with its predicted curves (<c>cox --predict</c>) and adjusted curves (<c>cox --adjusted-by</c>):
/// the JSON contract, and R's <c>summary.coxph</c> followed by each curve at the event times, as
/// <c>summary(survfit(fit, newdata))</c>.
/// </summary>
/// <param name="frame">The model frame.</param>
/// <param name="fit">The fit.</param>
/// <param name="patterns">The patterns of <paramref name="curves"/>, or null.</param>
/// <param name="curves">One predicted curve per pattern, or null.</param>
/// <param name="adjustedBy">The adjusting variable, or null.</param>
/// <param name="adjusted">One adjusted curve per level, or null.</param>
public sealed class CoxPredictionReport(ModelFrame frame, CoxFit fit, CovariatePatterns? patterns, IReadOnlyList<CoxSurvivalCurve>? curves,
                                        string? adjustedBy, IReadOnlyList<AdjustedSurvivalCurve>? adjusted) : IReport
{
    private readonly CoxReport cox = new(frame, fit);

    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => cox.Warnings;

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json) => CoxCurvesJson.Write(json, frame, fit, Warnings, patterns, curves, adjustedBy, adjusted);

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        cox.WriteTable(console);
        if (patterns is not null && curves is not null)
        {
            for (int k = 0; k < curves.Count; k++)
            {
                var curve = curves[k];
                string stratum = frame.StratumCount > 1 ? $", stratum {frame.StratumNames[curve.Stratum]}" : "";
                var events = Enumerable.Range(0, curve.Times.Count).Where(t => curve.Events[t] > 0).ToList();
                WriteCurve(console, $"Predicted survival for {Format.Group(patterns.Labels[k])}{stratum}", curve.ConfidenceType, curve.ConfidenceLevel,
                           events.Select(t => new[] { Format.Number(curve.Times[t], 6), Format.Count(curve.AtRisk[t]), Format.Count(curve.Events[t]),
                                                      Format.Number(curve.Survival[t]), Format.Number(curve.StdError[t]),
                                                      Format.Number(curve.ConfLow[t]), Format.Number(curve.ConfHigh[t]) }),
                           ["time", "n.risk", "n.event"]);
            }
        }
        if (adjustedBy is not null && adjusted is not null)
        {
            var eventTimes = new HashSet<double>();
            for (int i = 0; i < fit.N; i++) if (frame.Event[i]) eventTimes.Add(frame.Time[i]);
            foreach (var a in adjusted)
            {
                var c = a.Curve;
                WriteCurve(console, $"Adjusted survival for {adjustedBy}={a.Level} (direct standardisation over {a.SampleSize} rows, delta-method standard errors)",
                           c.ConfidenceType, c.ConfidenceLevel,
                           Enumerable.Range(0, c.Times.Count).Where(t => eventTimes.Contains(c.Times[t]))
                               .Select(t => new[] { Format.Number(c.Times[t], 6), Format.Number(c.Survival[t]), Format.Number(c.StdError[t]),
                                                    Format.Number(c.ConfLow[t]), Format.Number(c.ConfHigh[t]) }),
                           ["time"]);
            }
        }
    }

    private static void WriteCurve(IAnsiConsole console, string title, ConfidenceType type, double confidenceLevel, IEnumerable<string[]> rows, string[] leading)
    {
        string level = Format.Number(confidenceLevel * 100, 3) + "%";
        console.MarkupLine("");
        console.MarkupLine($"{Format.Text(title)}   ({Format.Text(KaplanMeierJson.ConfidenceTypeName(type))} interval, {level})");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in leading.Concat(["survival", "std.err", $"lower {level}", $"upper {level}"])) table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var row in rows) table.AddRow(row);
        console.Write(table);
    }
}
