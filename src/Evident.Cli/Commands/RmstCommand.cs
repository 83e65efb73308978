using System.CommandLine;
using System.Text.Json;
using Evident.Cli.Infrastructure;
using Evident.Data;
using Evident.Statistics;
using Spectre.Console;
using Evident.Statistics.Survival;

namespace Evident.Cli.Commands;

/// <summary><c>evident rmst</c>: restricted mean survival time per group (R: <c>print(survfit(...), rmean = tau)</c>).</summary>
public static class RmstCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var tau = new Option<double>("--tau") { Description = "Restriction time τ > 0.", Required = true };
        var confLevel = ConfidenceLevelOption.Create("Confidence level of the difference's interval.");
        var command = new Command("rmst", "Restricted mean survival time up to τ per group, and the difference between two groups.");
        data.AddTo(command);
        command.Options.Add(tau);
        command.Options.Add(confLevel);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double t = parse.GetValue(tau);
            if (!(t > 0) || !double.IsFinite(t)) throw new UsageException($"--tau {t}: expected a positive number.");
            double level = parse.GetValue(confLevel);
            var frame = data.LoadFrame(parse);
            var grouping = frame.SurvivalGroups();
            var curves = KaplanMeier.FitGroups(frame.Time, frame.Event, grouping.CodeSpan, grouping.Labels.Count);
            var means = curves.Select(c => RestrictedMean.Compute(c, t)).ToArray();
            RestrictedMeanDifference? difference = means.Length == 2 ? RestrictedMean.Difference(means[1], means[0], level) : null;
            return new RmstReport(frame.Formula.Text, t, grouping.Labels, means, difference);
        });
        return command;
    }
}

/// <summary>Presents restricted mean survival times.</summary>
public sealed class RmstReport(
    string formula, double tau, IReadOnlyList<IReadOnlyDictionary<string, string>> groups,
    IReadOnlyList<RestrictedMeanSurvival> means, RestrictedMeanDifference? difference) : IReport
{
    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("analysis", "rmst");
        json.WriteString("formula", formula);
        json.WriteNumber("tau", tau);
        json.WriteStartArray("groups");
        for (int g = 0; g < means.Count; g++)
        {
            json.WriteStartObject();
            json.WriteGroup("group", groups[g]);
            json.WriteNumberOrNull("rmst", means[g].Rmst);
            json.WriteNumberOrNull("std_error", means[g].StdError);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (difference is not null)
        {
            json.WriteStartObject("difference");
            json.WriteGroup("group", groups[1]);
            json.WriteGroup("versus", groups[0]);
            json.WriteNumberOrNull("estimate", difference.Difference);
            json.WriteNumberOrNull("std_error", difference.StdError);
            json.WriteNumberOrNull("conf_low", difference.Lower);
            json.WriteNumberOrNull("conf_high", difference.Upper);
            json.WriteNumberOrNull("z", difference.Z);
            json.WriteNumberOrNull("p_value", difference.PValue);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Restricted mean survival time up to τ = {Format.Number(tau, 6)}: {Format.Text(formula)}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("group");
        foreach (var h in new[] { "rmean", "se(rmean)" }) table.AddColumn(new TableColumn(h).RightAligned());
        for (int g = 0; g < means.Count; g++)
            table.AddRow(Format.Text(Format.Group(groups[g])), Format.Number(means[g].Rmst, 6), Format.Number(means[g].StdError, 6));
        console.Write(table);
        if (difference is not null)
        {
            console.MarkupLine($"Difference ({Format.Text(Format.Group(groups[1]))}) − ({Format.Text(Format.Group(groups[0]))}): {Format.Number(difference.Difference, 6)}" +
                $" ({Format.Number(difference.ConfidenceLevel * 100, 3)}% CI {Format.Number(difference.Lower, 6)} to {Format.Number(difference.Upper, 6)}), p = {Format.PValue(difference.PValue)}");
        }
    }
}
