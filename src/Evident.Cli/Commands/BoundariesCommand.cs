using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Design;

namespace Evident.Cli.Commands;

/// <summary><c>evident boundaries</c>: Lan–DeMets group-sequential boundaries (rpact: <c>getDesignGroupSequential</c>).</summary>
public static class BoundariesCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var design = new DesignOptions();
        var beta = new Option<double?>("--beta") { Description = "Type II error for beta-spending futility bounds (needs --beta-spending)." };
        var output = new OutputOptions();
        var command = new Command("boundaries", "Group-sequential efficacy (and futility) boundaries from spending functions.");
        design.AddTo(command);
        command.Options.Add(beta);
        output.AddTo(command);
        CommandRunner.SetReportAction(command, output, parse =>
        {
            double? b = parse.GetValue(beta);
            var options = design.Read(parse, b ?? 0.2);
            if (options.BetaSpending is not null && b is null) throw new UsageException("--beta-spending needs --beta (the type II error, e.g. 0.2).");
            if (options.BetaSpending is null && b is not null) throw new UsageException("--beta needs --beta-spending (e.g. obrien-fleming).");
            return new BoundariesReport(DesignOptions.Call(() => GroupSequential.Create(options)));
        });
        return command;
    }
}
