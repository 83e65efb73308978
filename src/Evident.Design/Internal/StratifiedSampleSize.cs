using System.Globalization;

namespace Evident.Design.Internal;

/// <summary>
/// Sample size of a stratified design from the stratified log-rank test's asymptotics (Schoenfeld 1981, per stratum):
/// with r = n<sub>treatment</sub>/n<sub>control</sub> and D<sub>s</sub> the expected events of stratum s by an analysis,
/// U = Σ<sub>s</sub> U<sub>s</sub> has mean ≈ r/(1 + r)²·Σ<sub>s</sub> D<sub>s</sub> log HR<sub>s</sub> and variance ≈
/// r/(1 + r)²·D, so Z = U/√V has mean √r/(1 + r)·Σ<sub>s</sub> D<sub>s</sub> log HR<sub>s</sub>/√D: the test sees the
/// event-weighted mean log HR. The events needed are Schoenfeld's for that mean at the final look; since the strata's
/// shares of the events depend on when the final look falls, the weights and the schedule are iterated to a fixed point.
/// Power uses each look's own mean (the shares change between looks), by shifting the design's bounds by it.
/// </summary>
internal static class StratifiedSampleSize
{
    private const int MaxIterations = 100;

    /// <exception cref="DesignInputException">A stratum's input out of range, overall hazards given too, fewer than two strata, no net effect, or the accrual cannot give the events.</exception>
    public static SurvivalSampleSizeResult Compute(SurvivalSampleSizeOptions options)
    {
        var strata = options.Strata!;
        if (strata.Count < 2) throw new DesignInputException("Strata", strata.Count.ToString(CultureInfo.InvariantCulture), "a stratified design needs at least two strata.");
        if (options.HazardRatio != 0 || options.ControlMedian.HasValue || options.ControlHazard.HasValue || options.ControlHazards is not null || options.PiecewiseSurvivalTimes is not null)
            throw new DesignInputException("Strata", null, "give the hazard ratio and the control hazard per stratum, not overall as well.");
        var inputs = SampleSizeInputs.Read(options, overallHazards: false);
        var (dropout, r) = SurvivalSampleSize.CommonInputs(options);
        double total = 0;
        var control = new double[strata.Count];
        var logHr = new double[strata.Count];
        for (int s = 0; s < strata.Count; s++)
        {
            var st = strata[s];
            Checks.Within(st.Prevalence, DesignLimits.Positive, "StratumPrevalence", "every stratum's prevalence must be a positive finite number.");
            Checks.Within(st.HazardRatio, DesignLimits.Positive, "StratumHazardRatio", "every stratum's hazard ratio must be a positive finite number.");
            if (st.ControlMedian.HasValue == st.ControlHazard.HasValue)
                throw new DesignInputException("StratumControlHazard", null, $"give stratum '{st.Name}' a control median or a control hazard (one of them).");
            if (st.ControlMedian is double m) Checks.Within(m, DesignLimits.Positive, "StratumControlMedian", "every stratum's control median must be a positive finite number.");
            else Checks.Within(st.ControlHazard!.Value, DesignLimits.Positive, "StratumControlHazard", "every stratum's control hazard must be a positive finite number.");
            control[s] = st.ControlMedian is double median ? Math.Log(2) / median : st.ControlHazard!.Value;
            logHr[s] = Math.Log(st.HazardRatio);
            total += st.Prevalence;
        }
        var shares = strata.Select(st => st.Prevalence / total).ToArray();
        var mixture = new EventMixture(shares, [.. control.Select((h, s) => new ArmEventCurves(
            new PiecewiseEventCurve([0], [h * Math.Exp(logHr[s])], dropout), new PiecewiseEventCurve([0], [h], dropout), r))]);

        var design = GroupSequential.Create(options.Design);
        var weights = shares.Select((p, s) => p * mixture.Strata[s].EventualFraction() / mixture.EventualFraction()).ToArray();
        for (int iteration = 0; ; iteration++)
        {
            double logEffective = Dot(weights, logHr);
            if (!(Math.Abs(logEffective) > 1e-9))
                throw new DesignInputException("StratumHazardRatio", null, "the strata's hazard ratios cancel out: the stratified log-rank test has no effect to detect.");
            double eventsFixed = SurvivalSampleSize.EventsFixed(design, r, logEffective);
            double maxEvents = SurvivalSampleSize.MaxEvents(design, eventsFixed);
            var (accrual, followUp) = AccrualSchedule.Solve(inputs, options.FollowUpTime, options.MaxSubjects, mixture, maxEvents);
            double end = accrual.End + followUp;
            var next = shares.Select((_, s) => mixture.StratumEvents(accrual, end, s) / mixture.Events(accrual, end)).ToArray();
            double change = next.Zip(weights, (a, b) => Math.Abs(a - b)).Max();
            weights = next;
            if (change < 1e-14 || iteration == MaxIterations)
                return Finish(design, r, eventsFixed, maxEvents, inputs, strata, shares, control, logHr, mixture, accrual, followUp);
        }
    }

    private static SurvivalSampleSizeResult Finish(GroupSequentialDesign design, double r, double eventsFixed, double maxEvents, SampleSizeInputs inputs,
        IReadOnlyList<DesignStratum> strata, double[] shares, double[] control, double[] logHr, EventMixture mixture, AccrualCurve accrual, double followUp)
    {
        var nominal = SurvivalSampleSize.Looks(design, eventsFixed, maxEvents, inputs, [], mixture, accrual, followUp, new double[design.Looks]);
        int looks = design.Looks;
        var stratumEvents = new double[strata.Count][];
        for (int s = 0; s < strata.Count; s++)
            stratumEvents[s] = [.. nominal.AnalysisTimes.Select(t => mixture.StratumEvents(accrual, t, s))];
        var effective = new double[looks];
        var mean = new double[looks];
        double direction = Math.Sign(Enumerable.Range(0, strata.Count).Sum(s => stratumEvents[s][^1] * logHr[s]));
        for (int k = 0; k < looks; k++)
        {
            double weighted = 0, events = 0;
            for (int s = 0; s < strata.Count; s++) (weighted, events) = (weighted + stratumEvents[s][k] * logHr[s], events + stratumEvents[s][k]);
            effective[k] = Math.Exp(weighted / events);
            mean[k] = direction * Math.Sqrt(r) / (1 + r) * weighted / Math.Sqrt(events);
        }
        var crossing = Crossing(design, mean);
        var stops = crossing.Upper.Zip(crossing.Lower, (a, b) => a + b).ToArray();
        var result = SurvivalSampleSize.Looks(design, eventsFixed, maxEvents, inputs, [], mixture, accrual, followUp, stops);
        double subjects = result.MaxSubjects;
        return result with
        {
            Strata = Array.AsReadOnly(strata.Select((st, s) => new StratumSampleSize(st.Name, shares[s], st.HazardRatio, control[s], shares[s] * subjects,
                Array.AsReadOnly(stratumEvents[s]))).ToArray()),
            EffectiveHazardRatios = Array.AsReadOnly(effective),
            Power = crossing.TotalUpper,
        };
    }

    /// <summary>
    /// P(first crossing) with E[Z<sub>k</sub>] = μ<sub>k</sub>: Z − μ is the null process, so the null probabilities of
    /// the bounds shifted by −μ<sub>k</sub> (positive μ favours treatment, as the design's Z does).
    /// </summary>
    private static BoundaryCrossingProbabilities Crossing(GroupSequentialDesign design, double[] mean)
    {
        int looks = design.Looks;
        var upper = new double[looks];
        var lower = new double[looks];
        for (int k = 0; k < looks; k++)
        {
            upper[k] = design.CriticalValues[k] - mean[k];
            double futility = design.TwoSided ? -design.CriticalValues[k]
                : design.FutilityBounds is { } f && k < looks - 1 ? f[k] : double.NegativeInfinity;
            lower[k] = futility - mean[k];
        }
        return GroupSequential.BoundaryCrossing(design.Information, upper, lower, 0);
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
