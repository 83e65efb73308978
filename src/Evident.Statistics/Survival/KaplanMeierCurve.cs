using System.Collections;
using System.Runtime.CompilerServices;
using Evident.Statistics.Internal;

namespace Evident.Statistics.Survival;

/// <summary>
/// A Kaplan–Meier (1958) product-limit estimate with Greenwood (1926) standard errors, pointwise confidence limits
/// and the median survival with its Brookmeyer–Crowley (1982) confidence interval. Built by
/// <see cref="KaplanMeier.Fit"/> or <see cref="KaplanMeier.FitGroups"/>; immutable.
/// </summary>
/// <remarks>
/// <para>
/// Ŝ(t) = Π_{tᵢ ≤ t} (nᵢ − dᵢ)/nᵢ; Var(−log Ŝ(t)) = Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ)); se Ŝ = Ŝ·sqrt(Var).
/// Equivalent to R's <c>survival::survfit(Surv(time, status) ~ 1, conf.type = ...)</c> read with
/// <c>summary(fit, censored = TRUE)</c> (steps), <c>summary(fit, times = , extend = TRUE)</c> (<see cref="At(double)"/>)
/// and <c>print(fit)</c> (median and its limits). Agrees with R survival 3.5 to 12 significant digits on the
/// aml, lung and veteran reference cases.
/// </para>
/// </remarks>
public sealed record KaplanMeierCurve
{
    // survival:::survmean's minmin() tolerance, .Machine$double.eps^0.5 = √(2⁻⁵²) = 2⁻²⁶ (all.equal()'s).
    private const double MedianTolerance = 1.4901161193847656e-08;

    private readonly RiskSetTable _riskSets;
    private readonly double[] _survival;
    private readonly double[] _seCumulativeHazard;
    private readonly double _z;

    internal KaplanMeierCurve(RiskSetTable riskSets, ConfidenceType confidenceType, double confidenceLevel, double z)
    {
        _riskSets = riskSets;
        _z = z;
        ConfidenceType = confidenceType;
        ConfidenceLevel = confidenceLevel;
        (_survival, _seCumulativeHazard) = ProductLimit(riskSets.AtRiskSpan, riskSets.EventsSpan);
        Steps = new StepList(this);
        Median = FirstCrossing(Band.Estimate);
        MedianLower = FirstCrossing(Band.Lower);
        MedianUpper = FirstCrossing(Band.Upper);
    }

    private enum Band { Estimate, Lower, Upper }

    internal ReadOnlySpan<double> SurvivalSpan => _survival;

    /// <summary>Number of observations (R: <c>records</c>, <c>n</c>).</summary>
    public int N => _riskSets.N;

    /// <summary>Number of events (R: <c>events</c>).</summary>
    public int Events => _riskSets.TotalEvents;

    /// <summary>Scale of the pointwise confidence limits (R: <c>conf.type</c>).</summary>
    public ConfidenceType ConfidenceType { get; }

    /// <summary>Confidence level of the pointwise limits and the median's interval, in (0, 1) (R: <c>conf.int</c>).</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The risk-set table the curve was computed from.</summary>
    public RiskSetTable RiskSets => _riskSets;

    /// <summary>One step per distinct time with an event or a censoring, ascending (R: <c>summary(fit, censored = TRUE)</c>).</summary>
    public IReadOnlyList<KaplanMeierStep> Steps { get; }

    /// <summary>
    /// Median survival: the first time Ŝ ≤ 0.5; when Ŝ is 0.5 (within √ε) on a flat stretch, the average of that time
    /// and the next time Ŝ drops (R: <c>print(fit)</c>'s <c>median</c>). NaN when Ŝ never reaches 0.5 (R: NA).
    /// </summary>
    public double Median { get; }

    /// <summary>Lower limit of the median's confidence interval: where the lower band first reaches 0.5 (Brookmeyer–Crowley 1982); NaN = NA.</summary>
    public double MedianLower { get; }

    /// <summary>Upper limit of the median's confidence interval: where the upper band first reaches 0.5; NaN = NA.</summary>
    public double MedianUpper { get; }

    /// <summary>
    /// The curve at one time: R's <c>summary(fit, times = time, extend = TRUE)</c>. <see cref="KaplanMeierPoint.Events"/>
    /// counts the events in [0, <paramref name="time"/>].
    /// </summary>
    /// <param name="time">A finite time (before the first observation Ŝ = 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is NaN or infinite.</exception>
    public KaplanMeierPoint At(double time)
    {
        Preconditions.CheckFinite(time, nameof(time));
        return PointAt(time, double.NegativeInfinity);
    }

    /// <summary>
    /// The curve at several times, returned in ascending time order as R's <c>summary(fit, times = , extend = TRUE)</c>
    /// does; <see cref="KaplanMeierPoint.Events"/> counts the events since the previous returned time.
    /// </summary>
    /// <param name="times">Finite times, any order; duplicates allowed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A time is NaN or infinite.</exception>
    public IReadOnlyList<KaplanMeierPoint> At(IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var sorted = new double[times.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            Preconditions.CheckFinite(times[i], nameof(times));
            sorted[i] = times[i];
        }
        Array.Sort(sorted);
        var points = new KaplanMeierPoint[sorted.Length];
        double previous = double.NegativeInfinity;
        for (int i = 0; i < sorted.Length; i++)
        {
            points[i] = PointAt(sorted[i], previous);
            previous = sorted[i];
        }
        return Array.AsReadOnly(points);
    }

    /// <summary>Ŝ at <paramref name="time"/> with events in (<paramref name="after"/>, <paramref name="time"/>].</summary>
    private KaplanMeierPoint PointAt(double time, double after)
    {
        ReadOnlySpan<double> times = _riskSets.TimeSpan;
        int firstAtOrAfter = LowerBound(times, time);
        int atRisk = firstAtOrAfter < times.Length ? _riskSets.AtRiskSpan[firstAtOrAfter] : 0;
        int last = firstAtOrAfter < times.Length && times[firstAtOrAfter] == time ? firstAtOrAfter : firstAtOrAfter - 1;

        int events = 0;
        ReadOnlySpan<int> eventCounts = _riskSets.EventsSpan;
        for (int i = last; i >= 0 && times[i] > after; i--) events += eventCounts[i];

        if (last < 0)
        {
            var (lower, upper) = PointwiseConfidence.Limits(1.0, 0.0, ConfidenceType, _z);
            return new KaplanMeierPoint(time, atRisk, events, 1.0, 0.0, lower, upper);
        }
        var (l, u) = Limits(last);
        return new KaplanMeierPoint(time, atRisk, events, _survival[last], StdErrorAt(last), l, u);
    }

    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The product-limit pass: Ŝ(tᵢ) = Π (n − d)/n and σ(tᵢ) = sqrt(Σ d/(n(n − d))), the Greenwood standard error of
    /// −log Ŝ. σ = ∞ from the step where n = d (Ŝ = 0), where R reports NA.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double[] Survival, double[] Sigma) ProductLimit(ReadOnlySpan<int> atRisk, ReadOnlySpan<int> events)
    {
        int m = atRisk.Length;
        var survival = new double[m];
        var sigma = new double[m];
        double s = 1.0, greenwood = 0.0;
        for (int i = 0; i < m; i++)
        {
            int n = atRisk[i], d = events[i];
            if (d > 0)
            {
                s *= (double)(n - d) / n;
                greenwood += n > d ? d / ((double)n * (n - d)) : double.PositiveInfinity;
            }
            survival[i] = s;
            sigma[i] = Math.Sqrt(greenwood);
        }
        return (survival, sigma);
    }

    // Limits are derived on demand from (Ŝ, σ): a 10⁶-step curve then costs two arrays, not six.
    private double StdErrorAt(int i) => _survival[i] * _seCumulativeHazard[i];

    private (double Lower, double Upper) Limits(int i) =>
        PointwiseConfidence.Limits(_survival[i], _seCumulativeHazard[i], ConfidenceType, _z);

    private double BandAt(Band band, int i) => band switch
    {
        Band.Estimate => _survival[i],
        Band.Lower => Limits(i).Lower,
        _ => Limits(i).Upper,
    };

    /// <summary>
    /// survival:::survmean's <c>minmin(y, time)</c>: the first time y ≤ 0.5 (NaN entries skipped); if that y equals
    /// 0.5 within tolerance and y later drops below it, the midpoint of that time and the time of the drop.
    /// </summary>
    private double FirstCrossing(Band band)
    {
        ReadOnlySpan<double> times = _riskSets.TimeSpan;
        for (int i = 0; i < times.Length; i++)
        {
            double y = BandAt(band, i);
            if (!(y < 0.5 + MedianTolerance)) continue; // also skips NaN
            if (Math.Abs(y - 0.5) < MedianTolerance)
            {
                for (int j = i + 1; j < times.Length; j++)
                {
                    if (BandAt(band, j) < y) return (times[i] + times[j]) / 2;
                }
            }
            return times[i];
        }
        return double.NaN;
    }

    /// <summary>The steps as a read-only view over the curve's columns: no per-step object until one is read.</summary>
    private sealed class StepList(KaplanMeierCurve curve) : IReadOnlyList<KaplanMeierStep>
    {
        public int Count => curve._survival.Length;

        public KaplanMeierStep this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                var r = curve._riskSets;
                var (lower, upper) = curve.Limits(index);
                return new KaplanMeierStep(r.TimeSpan[index], r.AtRiskSpan[index], r.EventsSpan[index], r.CensoredSpan[index],
                                           curve._survival[index], curve.StdErrorAt(index), lower, upper);
            }
        }

        public IEnumerator<KaplanMeierStep> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
