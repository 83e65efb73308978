using System.Globalization;
using Evident.Statistics.Survival;

namespace Evident.Design.Simulation;

/// <summary>
/// The test a simulated trial is analysed with: <c>logrank</c>, <c>fh(ρ,γ)</c>, <c>maxcombo(ρ,γ;ρ,γ;…)</c> or
/// <c>rmst(τ)</c> (the text form <see cref="Parse"/> reads and <see cref="ToString"/> writes). Immutable.
/// </summary>
public sealed record SimulationTest
{
    private SimulationTest(SimulationTestKind kind, IReadOnlyList<FlemingHarringtonWeight> weights, double tau)
    {
        Kind = kind;
        Weights = weights;
        Tau = tau;
    }

    /// <summary>What statistic is computed.</summary>
    public SimulationTestKind Kind { get; }

    /// <summary>The FH weights: one for <see cref="SimulationTestKind.FlemingHarrington"/>, 2 to 25 for MaxCombo, (0, 0) for the log-rank test, none for RMST.</summary>
    public IReadOnlyList<FlemingHarringtonWeight> Weights { get; }

    /// <summary>Restriction time τ of the RMST test; NaN for the others.</summary>
    public double Tau { get; }

    /// <summary>The log-rank test (the default).</summary>
    public static SimulationTest LogRank { get; } = new(SimulationTestKind.LogRank, Array.AsReadOnly(new[] { new FlemingHarringtonWeight(0, 0) }), double.NaN);

    /// <summary>The FH(ρ, γ) weighted log-rank test.</summary>
    /// <param name="rho">ρ ≥ 0, finite.</param>
    /// <param name="gamma">γ ≥ 0, finite.</param>
    /// <exception cref="DesignInputException">ρ or γ negative or not finite.</exception>
    public static SimulationTest FlemingHarrington(double rho, double gamma) =>
        new(SimulationTestKind.FlemingHarrington, Array.AsReadOnly(new[] { Weight(rho, gamma) }), double.NaN);

    /// <summary>The MaxCombo test of the given FH weights.</summary>
    /// <param name="weights">2 to 25 weights, each ρ, γ ≥ 0 and finite.</param>
    /// <exception cref="DesignInputException">Fewer than 2 or more than 25 weights, or a weight out of range.</exception>
    public static SimulationTest MaxCombo(IReadOnlyList<FlemingHarringtonWeight> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count is < 2 or > 25) throw new DesignInputException(Input, null, $"MaxCombo combines 2 to 25 FH(rho, gamma) weights; {weights.Count} given.");
        return new(SimulationTestKind.MaxCombo, Array.AsReadOnly(weights.Select(w => Weight(w.Rho, w.Gamma)).ToArray()), double.NaN);
    }

    /// <summary>The RMST difference up to τ.</summary>
    /// <param name="tau">τ &gt; 0, finite, in the scenario's time unit.</param>
    /// <exception cref="DesignInputException">τ not positive and finite.</exception>
    public static SimulationTest RestrictedMean(double tau)
    {
        if (!(tau > 0) || !double.IsFinite(tau)) throw new DesignInputException(Input, DesignInputException.Text(tau), "the RMST restriction time tau must be a positive finite number.");
        return new(SimulationTestKind.RestrictedMean, Array.Empty<FlemingHarringtonWeight>(), tau);
    }

    /// <summary>
    /// Reads <c>logrank</c>, <c>fh(ρ,γ)</c>, <c>maxcombo(ρ,γ;ρ,γ;…)</c> or <c>rmst(τ)</c> (case and spaces ignored;
    /// invariant-culture numbers).
    /// </summary>
    /// <param name="text">The test's text form.</param>
    /// <exception cref="DesignInputException">Not one of these forms, or a value out of range; <see cref="DesignInputException.Input"/> is <see cref="Input"/>.</exception>
    public static SimulationTest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (t is "logrank" or "log-rank") return LogRank;
        int open = t.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && t.EndsWith(')'))
        {
            string name = t[..open], inner = t[(open + 1)..^1];
            switch (name)
            {
                case "fh" when Pair(inner) is { } w: return FlemingHarrington(w.Rho, w.Gamma);
                case "maxcombo":
                    var pairs = inner.Split(';').Select(Pair).ToArray();
                    if (pairs.All(p => p is not null)) return MaxCombo(pairs.Select(p => p!.Value).ToArray());
                    break;
                case "rmst" when Number(inner) is double tau: return RestrictedMean(tau);
            }
        }
        throw new DesignInputException(Input, text, "expected logrank, fh(rho,gamma), maxcombo(rho,gamma;rho,gamma;...) or rmst(tau), e.g. fh(0,1) or maxcombo(0,0;0,1;1,0).");
    }

    /// <summary>The <see cref="DesignInputException.Input"/> of errors in the test.</summary>
    public const string Input = "Test";

    /// <summary>The text form, e.g. <c>fh(0,1)</c>; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => Kind switch
    {
        SimulationTestKind.LogRank => "logrank",
        SimulationTestKind.FlemingHarrington => $"fh({Text(Weights[0])})",
        SimulationTestKind.MaxCombo => $"maxcombo({string.Join(';', Weights.Select(Text))})",
        _ => $"rmst({DesignInputException.Text(Tau)})",
    };

    /// <inheritdoc />
    public bool Equals(SimulationTest? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private static string Text(FlemingHarringtonWeight w) => $"{DesignInputException.Text(w.Rho)},{DesignInputException.Text(w.Gamma)}";

    private static FlemingHarringtonWeight Weight(double rho, double gamma)
    {
        if (!(rho >= 0) || !double.IsFinite(rho) || !(gamma >= 0) || !double.IsFinite(gamma))
            throw new DesignInputException(Input, $"fh({DesignInputException.Text(rho)},{DesignInputException.Text(gamma)})", "rho and gamma must be finite numbers ≥ 0.");
        return new FlemingHarringtonWeight(rho, gamma);
    }

    private static FlemingHarringtonWeight? Pair(string text)
    {
        var parts = text.Split(',');
        return parts.Length == 2 && Number(parts[0]) is double rho && Number(parts[1]) is double gamma ? new FlemingHarringtonWeight(rho, gamma) : null;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
}
