using Evident.Design.Internal;

namespace Evident.Design.Simulation;

/// <summary>
/// Piecewise-uniform accrual: entry intensity ∝ Rates[j] on [Starts[j], Starts[j+1]), with the last piece ending at
/// <see cref="End"/>. rpact: <c>accrualTime = c(Starts, End)</c>, <c>accrualIntensity = Rates</c>. Uniform accrual over
/// [0, A] is the one-piece case. Only the relative rates matter; the number of subjects is set by the scenario.
/// </summary>
public sealed record PiecewiseAccrual
{
    private readonly double[] _starts;
    private readonly double[] _rates;
    private readonly double[] _cumulative; // fraction of subjects enrolled by Starts[j]

    /// <summary>Builds the accrual pattern.</summary>
    /// <param name="starts">Piece starts: first 0, strictly increasing, all &lt; <paramref name="end"/>.</param>
    /// <param name="rates">Relative intensity of each piece, ≥ 0, finite, not all 0.</param>
    /// <param name="end">End of accrual, finite and &gt; the last start.</param>
    /// <exception cref="DesignInputException">A value is out of range, with its index.</exception>
    public PiecewiseAccrual(IReadOnlyList<double> starts, IReadOnlyList<double> rates, double end)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(rates);
        if (starts.Count == 0) throw new DesignInputException("starts", null, "Accrual needs at least one piece.");
        if (rates.Count != starts.Count) throw new DesignInputException("rates", null, $"{rates.Count} accrual rates for {starts.Count} pieces.");
        if (starts[0] != 0) throw new DesignInputException("starts", null, $"Accrual must start at 0; the first piece starts at {starts[0]}.");
        if (!(end > starts[^1]) || !double.IsFinite(end)) throw new DesignInputException("end", null, $"Accrual end = {end}: must be finite and after the last piece start {starts[^1]}.");
        _starts = new double[starts.Count + 1];
        _rates = new double[rates.Count];
        _cumulative = new double[starts.Count + 1];
        for (int j = 0; j < starts.Count; j++)
        {
            _starts[j] = starts[j];
            _rates[j] = rates[j];
            if (j > 0 && !(starts[j] > starts[j - 1])) throw new DesignInputException("starts", null, $"Accrual piece start {j} = {starts[j]}: starts must increase.");
            if (!(rates[j] >= 0) || !double.IsFinite(rates[j])) throw new DesignInputException("rates", null, $"Accrual rate {j} = {rates[j]}: must be a finite number ≥ 0.");
        }
        _starts[^1] = end;
        for (int j = 0; j < _rates.Length; j++) _cumulative[j + 1] = _cumulative[j] + _rates[j] * (_starts[j + 1] - _starts[j]);
        double total = _cumulative[^1];
        if (!(total > 0)) throw new DesignInputException("rates", null, "All accrual rates are 0.");
        for (int j = 0; j < _cumulative.Length; j++) _cumulative[j] /= total;
        _cumulative[^1] = 1;
    }

    /// <summary>Uniform accrual over [0, <paramref name="duration"/>].</summary>
    public static PiecewiseAccrual Uniform(double duration)
    {
        Checks.Positive(duration, "duration");
        return new PiecewiseAccrual([0.0], [1.0], duration);
    }

    /// <summary>Piece start times, first 0.</summary>
    public IReadOnlyList<double> Starts => Array.AsReadOnly(_starts[..^1]);

    /// <summary>Relative intensity of each piece.</summary>
    public IReadOnlyList<double> Rates => Array.AsReadOnly(_rates);

    /// <summary>End of accrual.</summary>
    public double End => _starts[^1];

    /// <summary>Entry time of the subject at enrolment quantile u ∈ [0, 1] (inverse of the accrual distribution; monotone).</summary>
    internal double Quantile(double u)
    {
        int j = 0;
        while (j < _rates.Length - 1 && _cumulative[j + 1] <= u) j++;
        return _starts[j] + (u - _cumulative[j]) / (_cumulative[j + 1] - _cumulative[j]) * (_starts[j + 1] - _starts[j]);
    }

    /// <inheritdoc />
    public bool Equals(PiecewiseAccrual? other) =>
        other is not null && _starts.AsSpan().SequenceEqual(other._starts) && _rates.AsSpan().SequenceEqual(other._rates);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_starts.Length, End);
}
