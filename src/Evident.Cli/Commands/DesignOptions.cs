using System.CommandLine;
using Evident.Cli.Infrastructure;
using Evident.Design;

namespace Evident.Cli.Commands;

/// <summary>The group-sequential design options shared by <c>boundaries</c> and <c>samplesize</c>.</summary>
public sealed class DesignOptions
{
    /// <summary><c>--looks K</c>.</summary>
    public Option<int> Looks { get; } = new("--looks") { Description = "Number of planned analyses K (the last is final).", DefaultValueFactory = _ => 1 };
    /// <summary><c>--information t1,…,1</c>.</summary>
    public Option<string?> Information { get; } = new("--information") { Description = "Information fractions of the looks, increasing, ending at 1 (default: equally spaced)." };
    /// <summary><c>--alpha</c>.</summary>
    public Option<double> Alpha { get; } = new("--alpha") { Description = "One-sided significance level (two-sided: total).", DefaultValueFactory = _ => 0.025 };
    /// <summary><c>--spending</c>.</summary>
    public Option<string> Spending { get; } = new("--spending") { Description = "Alpha spending: obrien-fleming, pocock, hsd:γ or power:ρ (Lan–DeMets).", DefaultValueFactory = _ => "obrien-fleming" };
    /// <summary><c>--beta-spending</c>.</summary>
    public Option<string?> BetaSpending { get; } = new("--beta-spending") { Description = "Beta spending for futility bounds: obrien-fleming, pocock, hsd:γ or power:ρ." };
    /// <summary><c>--binding</c>.</summary>
    public Option<bool> Binding { get; } = new("--binding") { Description = "Futility bounds are binding (default: non-binding)." };
    /// <summary><c>--two-sided</c>.</summary>
    public Option<bool> TwoSided { get; } = new("--two-sided") { Description = "Symmetric two-sided boundaries." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Looks, Information, Alpha, Spending, BetaSpending, Binding, TwoSided }) command.Options.Add(option);
    }

    /// <summary>Library inputs of the design options and the command-line options that set them.</summary>
    private static readonly (string Input, string Option)[] DesignInputs =
    [
        ("Looks", "--looks"), ("Information", "--information"), ("Alpha", "--alpha"), ("Beta", "--beta"),
        ("Spending", "--spending"), ("BetaSpending", "--beta-spending"), ("TwoSided", "--two-sided"),
    ];

    /// <summary>
    /// Runs a call into Evident.Design and restates a <see cref="DesignInputException"/> in the command's own option
    /// names ("HazardRatio = 0: …" becomes "--hazard-ratio 0: …"), so users never see the library's property names.
    /// (Scenario files report the library's objections at their own line and key; see SimulationScenarioYaml.)
    /// The design options are mapped always; <paramref name="inputs"/> adds the command's own.
    /// </summary>
    /// <exception cref="UsageException">The library rejected an input.</exception>
    public static T Call<T>(Func<T> compute, params (string Input, string Option)[] inputs)
    {
        try
        {
            return compute();
        }
        catch (DesignInputException e)
        {
            string? option = null;
            foreach (var (input, name) in inputs.Concat(DesignInputs))
                if (input == e.Input) { option = name; break; }
            throw new UsageException(option is null ? e.Message
                : e.Value is null ? $"{option}: {e.Problem}"
                : $"{option} {e.Value}: {e.Problem}");
        }
    }

    /// <summary>The design options for the library, with <paramref name="beta"/> the type II error.</summary>
    public GroupSequentialOptions Read(ParseResult parse, double beta)
    {
        int looks = parse.GetValue(Looks);
        var information = NumberList.Parse(parse.GetValue(Information), "--information");
        if (information.Length > 0 && information.Length != looks)
            throw new UsageException($"--information has {information.Length} values but --looks is {looks}.");
        return new GroupSequentialOptions
        {
            Looks = looks,
            Information = information.Length > 0 ? information : null,
            Alpha = parse.GetValue(Alpha),
            Spending = SpendingFunction.Parse(parse.GetValue(Spending)!),
            Beta = beta,
            BetaSpending = parse.GetValue(BetaSpending) is { } b ? SpendingFunction.Parse(b) : null,
            BindingFutility = parse.GetValue(Binding),
            TwoSided = parse.GetValue(TwoSided),
        };
    }
}
