using System.CommandLine;
using Evident.Analysis.Models;
using Evident.Cli.Infrastructure;
using Evident.Statistics;
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
            var frame = data.LoadFrame(parse, countingProcess: true);
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
