using Evident.Design.Internal;
using Evident.Statistics;
using Evident.Statistics.Survival;

namespace Evident.Design.Monitoring;

/// <summary>
/// Interim monitoring of a group-sequential survival trial: boundaries recomputed at the observed information
/// fractions (Lan &amp; DeMets 1983 error spending evaluated at events/D<sub>max</sub>), the decision at each look,
/// repeated confidence intervals and repeated p-values (Jennison &amp; Turnbull 1989), and conditional power under the
/// design effect and under the current trend (Lan, Simon &amp; Halperin 1982; Proschan, Lan &amp; Wittes 2006, ch. 3).
/// Equivalent to rpact 3.3 <c>getAnalysisResults(getDesignGroupSequential(informationRates = c(observed, planned)),
/// getDataset(overallEvents, overallLogRanks = −Z), directionUpper = FALSE, thetaH1, nPlanned)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Look k uses the design whose fractions are the observed f<sub>1..k</sub> = D<sub>j</sub>/D<sub>max</sub>, followed by
/// the planned fractions still ahead (planned fractions ≤ f<sub>k</sub> are dropped). The last planned look, or a look
/// with D<sub>k</sub> ≥ D<sub>max</sub>, is final: its fraction is 1 and all remaining α is spent there.
/// </para>
/// <para>
/// Conditional power at look k: with score S = Z<sub>k</sub>√I<sub>k</sub> and a later look j at planned information
/// I<sub>j</sub>, the increments S<sub>j</sub> − S are Brownian with drift θ per unit information, so
/// CP(θ) = P<sub>θ</sub>(∃ j &gt; k: (S<sub>j</sub> − S)/√(I<sub>j</sub> − I<sub>k</sub>) ≥ (c<sub>j</sub>√I<sub>j</sub> − S)/√(I<sub>j</sub> − I<sub>k</sub>)),
/// computed by <see cref="GroupSequential.BoundaryCrossing"/> on the increment information; futility bounds are
/// ignored (non-binding). θ = −log(HR<sub>design</sub>) or θ̂ = Z<sub>k</sub>/√I<sub>k</sub>.
/// </para>
/// <para>Agrees with rpact 3.3.4 on the design reference cases (tests/fixtures/design) to 1e-6 relative for bounds,
/// repeated confidence intervals and conditional power, 1e-4 for repeated p-values (rpact solves those to ≈1e-6).</para>
/// </remarks>
public static class InterimMonitoring
{
    private const double MinRepeatedAlpha = 1e-10;

    /// <summary>Analyses every look so far.</summary>
    /// <param name="options">One-sided design; 1 ≤ looks so far ≤ planned looks; events positive and increasing; Z finite; D<sub>max</sub> &gt; 0; HR &gt; 0 when given.</param>
    /// <exception cref="DesignInputException">An option is missing, NaN, infinite or out of range, naming it; or the planned
    /// design has a look that adds less than one event, D<sub>max</sub>·(t<sub>k</sub> − t<sub>k−1</sub>) &lt; 1 (in
    /// particular more looks than events, D<sub>max</sub> &lt; K), reported against <see cref="MonitoringOptions.MaxEvents"/>.</exception>
    public static InterimAnalysis Analyse(MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var planned = options.Design ?? throw new DesignInputException("Design", null, "the planned design is missing.");
        if (planned.TwoSided) throw new DesignInputException("TwoSided", "true", "interim monitoring is one-sided (efficacy favouring the experimental arm).");
        var plannedDesign = GroupSequential.Create(planned);
        ArgumentNullException.ThrowIfNull(options.Events, "Events");
        ArgumentNullException.ThrowIfNull(options.Z, "Z");
        int n = options.Events.Count;
        if (n == 0) throw new DesignInputException("Events", null, "empty; give the events of at least one look.");
        if (options.Z.Count != n) throw new DesignInputException("Z", DesignInputException.Text(options.Z), $"{options.Z.Count} values for {n} looks with events: give one Z per look.");
        if (n > plannedDesign.Looks) throw new DesignInputException("Events", DesignInputException.Text(options.Events), $"{n} looks given but the design plans {plannedDesign.Looks}.");
        Checks.Positive(options.MaxEvents, "MaxEvents");
        Checks.Positive(options.AllocationRatio, "AllocationRatio");
        if (options.HazardRatio is double hr) Checks.Positive(hr, "HazardRatio");
        double maxEvents = options.MaxEvents, r = options.AllocationRatio;
        if (Checks.TooFewEventsPerLook(plannedDesign.Information, maxEvents) is { } tooFew)
            throw new DesignInputException("MaxEvents", DesignInputException.Text(maxEvents), tooFew);
        double perEvent = r / ((1 + r) * (1 + r));

        var fractions = new double[n];
        for (int k = 0; k < n; k++)
        {
            double d = options.Events[k], z = options.Z[k];
            string events = DesignInputException.Text(options.Events);
            if (!(d > 0) || double.IsPositiveInfinity(d)) throw new DesignInputException("Events", events, $"value {k + 1} ({DesignInputException.Text(d)}) is not a positive finite number.");
            if (k > 0 && !(d > options.Events[k - 1])) throw new DesignInputException("Events", events, $"value {k + 1} ({DesignInputException.Text(d)}) is not greater than value {k} ({DesignInputException.Text(options.Events[k - 1])}): events must increase from look to look.");
            if (!double.IsFinite(z)) throw new DesignInputException("Z", DesignInputException.Text(options.Z), $"value {k + 1} ({DesignInputException.Text(z)}) is not a finite number.");
            if (k < n - 1 && d >= maxEvents) throw new DesignInputException("Events", events, $"value {k + 1} ({DesignInputException.Text(d)}) reaches the maximum events {DesignInputException.Text(maxEvents)}, which makes look {k + 1} final, but more looks follow.");
            fractions[k] = Math.Min(d / maxEvents, 1);
        }

        var looks = new InterimLook[n];
        GroupSequentialDesign design = plannedDesign;
        double[] future = [];
        int? stoppedAt = null;
        for (int k = 0; k < n; k++)
        {
            var (info, isFinal) = InformationAt(fractions, k, plannedDesign.Information);
            design = GroupSequential.Create(planned with { Looks = info.Length, Information = info });
            double c = design.CriticalValues[k];
            double futility = !isFinal && design.FutilityBounds is { } f ? f[k] : double.NaN;
            double z = options.Z[k], events = options.Events[k];
            double information = events * perEvent, root = Math.Sqrt(information);
            var decision = z >= c ? MonitoringDecision.StopForEfficacy
                : isFinal ? MonitoringDecision.FinalNoRejection
                : z <= futility ? MonitoringDecision.StopForFutility
                : MonitoringDecision.Continue;
            if (stoppedAt is null && decision is MonitoringDecision.StopForEfficacy or MonitoringDecision.StopForFutility) stoppedAt = k + 1;

            double maxInformation = maxEvents * perEvent;
            double cpDesign = double.NaN, cpTrend = double.NaN;
            if (!isFinal)
            {
                if (options.HazardRatio is double h) cpDesign = ConditionalPower(design, k, z, information, maxInformation, -Math.Log(h));
                cpTrend = ConditionalPower(design, k, z, information, maxInformation, z / root);
            }
            future = isFinal ? [] : design.Information.Skip(k + 1).Select(t => t * maxEvents).ToArray();

            looks[k] = new InterimLook
            {
                Look = k + 1,
                Events = events,
                InformationFraction = design.Information[k],
                Z = z,
                EfficacyBound = c,
                FutilityBound = futility,
                AlphaSpent = design.AlphaSpent[k],
                NominalP = Gaussian.UpperTail(z),
                Decision = decision,
                HazardRatio = Math.Exp(-z / root),
                RciLower = Math.Exp(-(z + c) / root),
                RciUpper = Math.Exp(-(z - c) / root),
                RepeatedPValue = RepeatedPValue(planned, info, k, z),
                ConditionalPowerDesign = cpDesign,
                ConditionalPowerTrend = cpTrend,
            };
            if (isFinal && k < n - 1) throw new DesignInputException("Events", DesignInputException.Text(options.Events), $"look {k + 1} is final but {n} looks were given.");
        }
        return new InterimAnalysis(design, Array.AsReadOnly(looks), maxEvents, options.HazardRatio, stoppedAt, Array.AsReadOnly(future));
    }

    /// <summary>
    /// Events and the log-rank Z of the experimental arm (group code 1; control = 0) from one data snapshot, stratified
    /// when <paramref name="stratum"/> is not empty. Z = (E − O)/√V, positive favouring the experimental arm.
    /// Uses <see cref="LogRank.Test"/> (R: <c>survdiff(Surv(time, status) ~ arm + strata(s))</c>).
    /// </summary>
    /// <param name="time">Follow-up times, finite, ≥ 0.</param>
    /// <param name="isEvent">Event indicators.</param>
    /// <param name="group">0 = control, 1 = experimental.</param>
    /// <param name="stratum">Stratum codes 0..stratumCount−1, or empty.</param>
    /// <param name="stratumCount">Number of strata (ignored when <paramref name="stratum"/> is empty).</param>
    /// <exception cref="ArgumentException">Empty input, lengths differ, a code out of range, or only one arm present.</exception>
    public static LogRankLook LogRankZ(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<int> group,
                                       ReadOnlySpan<int> stratum, int stratumCount)
    {
        var test = LogRank.Test(time, isEvent, group, 2, stratum, stratumCount);
        var experimental = test.Groups[1];
        double events = test.Groups[0].Observed + experimental.Observed;
        double v = experimental.Variance;
        double z = v > 0 ? (experimental.Expected - experimental.Observed) / Math.Sqrt(v) : 0;
        return new LogRankLook(events, experimental.Observed, experimental.Expected, v, z);
    }

    /// <summary>Fractions of the design at look k: observed up to k, then the planned ones still ahead; last = 1.</summary>
    private static (double[] Info, bool IsFinal) InformationAt(double[] observed, int k, IReadOnlyList<double> plannedFractions)
    {
        var info = new List<double>(plannedFractions.Count);
        for (int j = 0; j <= k; j++) info.Add(observed[j]);
        bool isFinal = observed[k] >= 1 || k == plannedFractions.Count - 1;
        if (isFinal)
        {
            info[k] = 1;
        }
        else
        {
            for (int j = k + 1; j < plannedFractions.Count; j++)
                if (plannedFractions[j] > observed[k]) info.Add(plannedFractions[j]);
        }
        return (info.ToArray(), isFinal);
    }

    /// <summary>P<sub>θ</sub>(cross an efficacy bound after look k | Z<sub>k</sub>), futility ignored.</summary>
    private static double ConditionalPower(GroupSequentialDesign design, int k, double z, double information, double maxInformation, double theta)
    {
        int remaining = design.Looks - k - 1;
        var increments = new double[remaining];
        var upper = new double[remaining];
        var lower = new double[remaining];
        double score = z * Math.Sqrt(information);
        for (int j = 0; j < remaining; j++)
        {
            double ij = design.Information[k + 1 + j] * maxInformation;
            increments[j] = ij - information;
            upper[j] = (design.CriticalValues[k + 1 + j] * Math.Sqrt(ij) - score) / Math.Sqrt(increments[j]);
            lower[j] = double.NegativeInfinity;
        }
        return GroupSequential.BoundaryCrossing(increments, upper, lower, theta).TotalUpper;
    }

    /// <summary>The α at which c<sub>k</sub>(α) = Z<sub>k</sub> for the same spending function and fractions, capped at 0.5.</summary>
    private static double RepeatedPValue(GroupSequentialOptions planned, double[] info, int k, double z)
    {
        // c_k(α) depends only on the fractions up to look k, so only those bounds are solved for each α tried.
        double Bound(double alpha) => GroupSequential.LeadingEfficacyBounds(planned.Spending, alpha, info, k + 1, twoSided: false)[k];
        if (Bound(0.5) > z) return 0.5;
        if (Bound(MinRepeatedAlpha) <= z) return MinRepeatedAlpha;
        return Math.Exp(Roots.Brent(a => Bound(Math.Exp(a)) - z, Math.Log(MinRepeatedAlpha), Math.Log(0.5), 1e-10));
    }
}
