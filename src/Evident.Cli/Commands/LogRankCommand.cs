using System.CommandLine;
using System.Globalization;
using Evident.Cli.Infrastructure;
using Evident.Statistics.Survival;

namespace Evident.Cli.Commands;

/// <summary>
/// <c>evident logrank</c>: the FH(ρ, γ) weighted log-rank family, stratified by <c>strata()</c> terms (R: <c>survdiff</c>
/// for γ = 0), or the MaxCombo test of several of them (<c>--maxcombo</c>).
/// </summary>
public static class LogRankCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new DataOptions();
        var rho = new Option<double>("--rho") { Description = "FH weight S(t-)^rho: 0 = log-rank (default), 1 = Peto–Peto.", DefaultValueFactory = _ => 0 };
        var gamma = new Option<double>("--gamma") { Description = "FH weight (1 - S(t-))^gamma: 0 (default) = the G-rho family; > 0 weights late differences.", DefaultValueFactory = _ => 0 };
        var maxCombo = new Option<string?>("--maxcombo")
        {
            Description = "MaxCombo test of two groups: FH(rho, gamma) pairs separated by ';', e.g. \"0,0;0,1;1,0;1,1\"; p from their joint normal.",
        };
        var command = new Command("logrank", "Log-rank, FH(rho, gamma) and MaxCombo tests with observed and expected events per group (R: survdiff).");
        data.AddTo(command);
        command.Options.Add(rho);
        command.Options.Add(gamma);
        command.Options.Add(maxCombo);
        CommandRunner.SetReportAction(command, data.Output, parse =>
        {
            double r = parse.GetValue(rho), g = parse.GetValue(gamma);
            if (!double.IsFinite(r) || r < 0) throw new UsageException($"--rho {r}: expected a non-negative number.");
            if (!double.IsFinite(g) || g < 0) throw new UsageException($"--gamma {g}: expected a non-negative number.");
            string? combo = parse.GetValue(maxCombo);
            if (combo is not null)
            {
                if (r != 0 || g != 0) throw new UsageException("--maxcombo lists its own FH(rho, gamma) pairs; do not combine it with --rho or --gamma.");
                var weights = ParseWeights(combo);
                var comboFrame = data.LoadFrame(parse);
                if (comboFrame.GroupLabels.Count != 2)
                    throw new UsageException($"--maxcombo compares two groups; the formula's groups have {comboFrame.GroupLabels.Count} levels.");
                var comboTest = MaxCombo.Test(comboFrame.Time, comboFrame.Event, comboFrame.Group, comboFrame.Stratum, comboFrame.StratumCount, weights);
                return new MaxComboReport(comboFrame.Formula.Text, comboFrame.RowCount, comboFrame.DroppedRows, comboFrame.GroupLabels, comboFrame.StratumCount, comboTest);
            }
            var frame = data.LoadFrame(parse);
            var test = PhaseTimer.Time("log-rank test", () => LogRank.Test(frame.Time, frame.Event, frame.Group, frame.GroupLabels.Count, frame.Stratum, frame.StratumCount, r, g));
            return new LogRankReport(frame.Formula.Text, frame.RowCount, frame.DroppedRows, frame.GroupLabels, frame.StratumCount, test);
        });
        return command;
    }

    /// <summary>Parses <c>"ρ,γ;ρ,γ;…"</c> into FH weights: each pair two non-negative numbers, 1 to 25 pairs.</summary>
    public static IReadOnlyList<FlemingHarringtonWeight> ParseWeights(string text)
    {
        var pairs = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length is < 1 or > 25)
            throw new UsageException($"--maxcombo '{text}': expected 1 to 25 rho,gamma pairs separated by ';', e.g. \"0,0;0,1;1,0;1,1\".");
        var weights = new List<FlemingHarringtonWeight>(pairs.Length);
        foreach (string pair in pairs)
        {
            var parts = pair.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TryNonNegative(parts[0], out double r) || !TryNonNegative(parts[1], out double g))
                throw new UsageException($"--maxcombo '{text}': pair '{pair}' is not rho,gamma with two non-negative numbers, e.g. 0,1.");
            weights.Add(new FlemingHarringtonWeight(r, g));
        }
        return weights;
    }

    private static bool TryNonNegative(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0;
}
