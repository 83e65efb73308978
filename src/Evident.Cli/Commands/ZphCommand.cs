using System.CommandLine;
using System.Text.Json;
using Evident.Analysis.Models;
using Evident.Cli.Infrastructure;
using Evident.Statistics;
using Spectre.Console;
using Evident.Statistics.Cox;

namespace Evident.Cli.Commands;

/// <summary><c>evident zph</c>: the Grambsch–Therneau test of proportional hazards (R: <c>cox.zph</c>).</summary>
public static class ZphCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var ties = CoxCommand.TiesOption();
        var singularOk = CoxCommand.SingularOkOption();
        var transform = new Option<string>("--transform") { Description = "Time transform: km (R's default), rank, identity or log.", DefaultValueFactory = _ => "km" };
        transform.AcceptOnlyFromAmong("km", "rank", "identity", "log");
        var command = new Command("zph", "Test of proportional hazards per term and global, from a Cox fit (R: cox.zph).");
        data.AddTo(command);
        command.Options.Add(ties);
        command.Options.Add(singularOk);
        command.Options.Add(transform);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            var frame = data.LoadFrame(parse);
            var fit = CoxCommand.Fit(frame, CoxCommand.ParseTies(parse.GetValue(ties)!), parse.GetValue(singularOk));
            string name = parse.GetValue(transform)!;
            var kind = name switch
            {
                "rank" => ZphTransform.Rank,
                "identity" => ZphTransform.Identity,
                "log" => ZphTransform.Log,
                _ => ZphTransform.KaplanMeier,
            };
            var result = CoxModel.TestProportionalHazards(frame, fit, kind);
            return new ZphReport(frame.Formula.Text, name, frame.TermNames, result, CoxReport.CoxWarnings(frame, fit));
        });
        return command;
    }
}

/// <summary>Presents a proportional-hazards test.</summary>
public sealed class ZphReport(string formula, string transform, IReadOnlyList<string> terms, ZphResult result, IReadOnlyList<string> warnings) : IReport
{
    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => warnings;

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("analysis", "proportional_hazards_test");
        json.WriteString("formula", formula);
        json.WriteString("transform", transform);
        json.WriteStartArray("terms");
        for (int k = 0; k < result.Terms.Count; k++)
        {
            json.WriteStartObject();
            json.WriteString("term", terms[k]);
            json.WriteNumberOrNull("statistic", result.Terms[k].Statistic);
            json.WriteNumber("df", result.Terms[k].DegreesOfFreedom);
            json.WriteNumberOrNull("p_value", result.Terms[k].PValue);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteTest("global", result.Global);
        json.WriteEndObject();
    }

    /// <inheritdoc />
    public void WriteTable(IAnsiConsole console)
    {
        console.MarkupLine($"Test of proportional hazards (Grambsch–Therneau), transform = {Format.Text(transform)}: {Format.Text(formula)}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("term");
        foreach (var h in new[] { "chisq", "df", "p" }) table.AddColumn(new TableColumn(h).RightAligned());
        for (int k = 0; k < result.Terms.Count; k++)
            table.AddRow(Format.Text(terms[k]), Format.Number(result.Terms[k].Statistic, 5), Format.Count(result.Terms[k].DegreesOfFreedom), Format.PValue(result.Terms[k].PValue));
        table.AddRow("GLOBAL", Format.Number(result.Global.Statistic, 5), Format.Count(result.Global.DegreesOfFreedom), Format.PValue(result.Global.PValue));
        console.Write(table);
    }
}
