using Evident.Design.Internal;

namespace Evident.Design.Simulation;

/// <summary>
/// A piecewise-constant hazard: λ(t) = Rates[j] for Starts[j] ≤ t &lt; Starts[j+1], the last rate continuing for ever.
/// The exponential distribution is the one-piece case. rpact: <c>piecewiseSurvivalTime</c> / <c>lambda2</c>.
/// </summary>
/// <remarks>Times are drawn by inverting the cumulative hazard: T = H⁻¹(E/m) for E ~ Exp(1) and a hazard multiplier m
/// (the hazard ratio of the arm), exact for every piece.</remarks>
public sealed record PiecewiseHazard
{
    private readonly double[] _starts;
    private readonly double[] _rates;
    private readonly double[] _cumulative; // H(Starts[j])

    /// <summary>Builds the hazard.</summary>
    /// <param name="starts">Piece start times: first 0, strictly increasing, finite.</param>
    /// <param name="rates">Hazard of each piece, ≥ 0 and finite; the last must be &gt; 0 (every subject eventually has the event).</param>
    /// <exception cref="DesignInputException">Lengths differ or are 0, or a value is out of range, with the offending index.</exception>
    public PiecewiseHazard(IReadOnlyList<double> starts, IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(rates);
        if (starts.Count == 0) throw new DesignInputException("starts", null, "A piecewise hazard needs at least one piece.");
        if (rates.Count != starts.Count) throw new DesignInputException("rates", null, $"{rates.Count} hazard rates for {starts.Count} pieces.");
        if (starts[0] != 0) throw new DesignInputException("starts", null, $"The first piece must start at 0; it starts at {starts[0]}.");
        _starts = new double[starts.Count];
        _rates = new double[starts.Count];
        _cumulative = new double[starts.Count];
        for (int j = 0; j < starts.Count; j++)
        {
            _starts[j] = starts[j];
            _rates[j] = rates[j];
            if (j > 0 && !(starts[j] > starts[j - 1]) || !double.IsFinite(starts[j]))
                throw new DesignInputException("starts", null, $"Piece start {j} = {starts[j]}: starts must be finite and strictly increasing.");
            if (!(rates[j] >= 0) || !double.IsFinite(rates[j]))
                throw new DesignInputException("rates", null, $"Hazard rate {j} = {rates[j]}: must be a finite number ≥ 0.");
            if (j > 0) _cumulative[j] = _cumulative[j - 1] + _rates[j - 1] * (_starts[j] - _starts[j - 1]);
        }
        if (!(_rates[^1] > 0)) throw new DesignInputException("rates", null, "The hazard of the last piece must be positive.");
    }

    /// <summary>A constant hazard λ &gt; 0 (exponential survival, median ln 2/λ).</summary>
    public static PiecewiseHazard Exponential(double hazard)
    {
        Checks.Positive(hazard, "hazard");
        return new PiecewiseHazard([0.0], [hazard]);
    }

    /// <summary>The constant hazard with the given median, λ = ln 2 / median.</summary>
    public static PiecewiseHazard FromMedian(double median)
    {
        Checks.Positive(median, "median");
        return Exponential(Math.Log(2) / median);
    }

    /// <summary>Piece start times, first 0.</summary>
    public IReadOnlyList<double> Starts => Array.AsReadOnly(_starts);

    /// <summary>Hazard of each piece.</summary>
    public IReadOnlyList<double> Rates => Array.AsReadOnly(_rates);

    /// <summary>Cumulative hazard H(t) = ∫₀ᵗ λ.</summary>
    /// <param name="t">Time ≥ 0.</param>
    public double Cumulative(double t)
    {
        int j = Piece(t);
        return _cumulative[j] + _rates[j] * (t - _starts[j]);
    }

    /// <summary>The time T with H(T)·multiplier = e, i.e. a draw from the hazard m·λ(t) when e ~ Exp(1).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal double Invert(double e, double multiplier)
    {
        double target = e / multiplier;
        if (_starts.Length == 1) return target / _rates[0];
        int j = _cumulative.Length - 1;
        while (_cumulative[j] > target) j--;
        // j is the last piece with H(start) ≤ target; it cannot have rate 0 (the next piece would qualify too).
        return _starts[j] + (target - _cumulative[j]) / _rates[j];
    }

    /// <summary>The hazard ratio(t)·λ(t) on the union of both step functions' pieces (<paramref name="ratio"/>'s rates are the ratios).</summary>
    internal PiecewiseHazard Times(PiecewiseHazard ratio)
    {
        var starts = _starts.Union(ratio._starts).Order().ToArray();
        return new PiecewiseHazard(starts, starts.Select(t => _rates[Piece(t)] * ratio._rates[ratio.Piece(t)]).ToArray());
    }

    /// <summary>The hazard λ(t) of the piece holding <paramref name="t"/>.</summary>
    internal double At(double t) => _rates[Piece(t)];

    /// <summary>Whether the hazard is a single constant piece.</summary>
    internal bool IsConstant => _starts.Length == 1;

    private int Piece(double t)
    {
        int j = _starts.Length - 1;
        while (j > 0 && _starts[j] > t) j--;
        return j;
    }

    /// <inheritdoc />
    public bool Equals(PiecewiseHazard? other) =>
        other is not null && _starts.AsSpan().SequenceEqual(other._starts) && _rates.AsSpan().SequenceEqual(other._rates);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_starts.Length, _rates[0]);
}
