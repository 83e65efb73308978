using System.Globalization;
using Evident.Design.Internal;

namespace Evident.Design;

/// <summary>
/// Number of events and subjects for a two-arm survival trial compared by the log-rank test, group-sequential or
/// fixed. Equivalent to rpact 3.3 <c>getSampleSizeSurvival(design, typeOfComputation = "Schoenfeld", hazardRatio,
/// median2 | lambda2, piecewiseSurvivalTime, accrualTime, accrualIntensity, followUpTime, maxNumberOfSubjects,
/// dropoutRate1 = dropoutRate2, dropoutTime, allocationRatioPlanned)</c>.
/// </summary>
/// <remarks>
/// Events (Schoenfeld 1981): D<sub>fixed</sub> = (z<sub>1−α/s</sub> + z<sub>1−β</sub>)²·(1 + r)²/r / log²(HR);
/// D<sub>max</sub> = D<sub>fixed</sub> × inflation factor of the design. Expected events by calendar time τ integrate
/// each arm's probability of an observed event (piecewise-exponential survival, exponential dropout) over the entry
/// times of the piecewise-constant accrual, in closed form where rpact calls <c>integrate</c>. Subjects, the end of
/// accrual or the follow-up (whichever the inputs leave open, as <see cref="SurvivalSampleSizeOptions"/> says) make the
/// expected events at the final look equal D<sub>max</sub>; interim analysis times solve expected events(τ) =
/// t<sub>k</sub>·D<sub>max</sub>. Agrees with rpact 3.3.4 on the reference cases ss-* and samplesize-pw-* to better
/// than 1e-6 relative (rpact's own root searches stop at 1e-6 in time and 1e-4 in subjects).
/// </remarks>
public static class SurvivalSampleSize
{
    /// <summary>Computes events, subjects, accrual and look timing.</summary>
    /// <param name="options">HR &gt; 0, ≠ 1; exactly one of control median, hazard or piecewise hazards, positive; accrual as <see cref="SurvivalSampleSizeOptions"/> describes; follow-up ≥ 0; subjects &gt; 0; 0 ≤ dropout &lt; 1; allocation ratio &gt; 0.</param>
    /// <exception cref="DesignInputException">An option is missing, conflicting, NaN, infinite or out of range; the
    /// subjects cannot produce the events; the events would be reached before accrual ends; or the design has a look
    /// that adds less than one planned event, D<sub>max</sub>·(t<sub>k</sub> − t<sub>k−1</sub>) &lt; 1 (in particular
    /// more looks than events, D<sub>max</sub> &lt; K), reported against <see cref="GroupSequentialOptions.Looks"/>.</exception>
    public static SurvivalSampleSizeResult Compute(SurvivalSampleSizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Design, "Design");
        if (options.Strata is not null) return StratifiedSampleSize.Compute(options);
        double hr = options.HazardRatio;
        Checks.Positive(hr, "HazardRatio");
        if (hr == 1) throw new DesignInputException("HazardRatio", "1", "there is no effect to detect.");
        var inputs = SampleSizeInputs.Read(options);
        var (dropout, r) = CommonInputs(options);

        var design = GroupSequential.Create(options.Design);
        double eventsFixed = EventsFixed(design, r, Math.Log(hr));
        double maxEvents = MaxEvents(design, eventsFixed);
        double[] treatmentHazards = [.. inputs.ControlHazards.Select(h => hr * h)];
        var arms = EventMixture.Single(new ArmEventCurves(
            new PiecewiseEventCurve(inputs.HazardStarts, treatmentHazards, dropout),
            new PiecewiseEventCurve(inputs.HazardStarts, inputs.ControlHazards, dropout), r));
        var (accrual, followUp) = AccrualSchedule.Solve(inputs, options.FollowUpTime, options.MaxSubjects, arms, maxEvents);
        var stops = design.RejectionProbabilitiesH1.Zip(design.FutilityProbabilitiesH1, (a, b) => a + b).ToArray();
        return Looks(design, eventsFixed, maxEvents, inputs, treatmentHazards, arms, accrual, followUp, stops)
               with { EffectiveHazardRatios = Array.AsReadOnly(Enumerable.Repeat(hr, design.Looks).ToArray()), Power = 1 - design.Beta };
    }

    /// <summary>Checks the follow-up, subjects, dropout and allocation; returns the dropout hazard and the ratio r.</summary>
    internal static (double Dropout, double Ratio) CommonInputs(SurvivalSampleSizeOptions options)
    {
        if (options.FollowUpTime is double f) Checks.Within(f, DesignLimits.NonNegative, "FollowUpTime", "must be a finite number ≥ 0.");
        if (options.MaxSubjects is double n) Checks.Positive(n, "MaxSubjects");
        Checks.Within(options.DropoutRate, DesignLimits.DropoutRate, "DropoutRate", $"must lie in {DesignLimits.DropoutRate}.");
        Checks.Positive(options.DropoutTime, "DropoutTime");
        Checks.Positive(options.AllocationRatio, "AllocationRatio");
        return (-Math.Log(1 - options.DropoutRate) / options.DropoutTime, options.AllocationRatio);
    }

    /// <summary>Schoenfeld's events of the fixed design, (z<sub>1−α/s</sub> + z<sub>1−β</sub>)²(1 + r)²/(r·log²HR).</summary>
    internal static double EventsFixed(GroupSequentialDesign design, double r, double logHr)
    {
        double zAlpha = Gaussian.UpperQuantile(design.TwoSided ? design.Alpha / 2 : design.Alpha);
        double zBeta = Gaussian.UpperQuantile(design.Beta);
        return (zAlpha + zBeta) * (zAlpha + zBeta) * (1 + r) * (1 + r) / r / (logHr * logHr);
    }

    /// <summary>D<sub>max</sub> = events of the fixed design × inflation factor, refused when a look adds less than one event.</summary>
    internal static double MaxEvents(GroupSequentialDesign design, double eventsFixed)
    {
        double maxEvents = eventsFixed * design.InflationFactor;
        if (Checks.TooFewEventsPerLook(design.Information, maxEvents) is { } tooFew)
            throw new DesignInputException("Looks", design.Looks.ToString(CultureInfo.InvariantCulture),
                tooFew + " Use fewer looks, or a hazard ratio further from 1.");
        return maxEvents;
    }

    /// <summary>
    /// Each look's events, analysis time and subjects, and the expectations at stopping given each look's probability of
    /// stopping under H1 (<paramref name="stopH1"/>).
    /// </summary>
    internal static SurvivalSampleSizeResult Looks(GroupSequentialDesign design, double eventsFixed, double maxEvents, SampleSizeInputs inputs,
        double[] treatmentHazards, EventMixture arms, AccrualCurve accrual, double followUp, IReadOnlyList<double> stopH1)
    {
        int looks = design.Looks;
        double duration = accrual.End + followUp;
        var events = new double[looks];
        var times = new double[looks];
        var subjects = new double[looks];
        for (int k = 0; k < looks; k++)
        {
            events[k] = design.Information[k] * maxEvents;
            double target = events[k];
            times[k] = k == looks - 1
                ? duration
                : Roots.Brent(tau => arms.Events(accrual, tau) - target, 0, duration, 1e-10 * duration);
            subjects[k] = accrual.Subjects(times[k]);
        }

        double continuing = 1, expectedSubjects = 0, expectedDuration = 0, expectedEvents = 0;
        for (int k = 0; k < looks - 1; k++)
        {
            expectedSubjects += stopH1[k] * subjects[k];
            expectedDuration += stopH1[k] * times[k];
            expectedEvents += stopH1[k] * events[k];
            continuing -= stopH1[k];
        }
        expectedSubjects += continuing * subjects[^1];
        expectedDuration += continuing * times[^1];
        expectedEvents += continuing * events[^1];

        return new SurvivalSampleSizeResult(
            design, eventsFixed, maxEvents, accrual.Subjects(accrual.End),
            Array.AsReadOnly<double>([.. accrual.Starts, accrual.End]), Array.AsReadOnly(accrual.Intensities.ToArray()), followUp,
            Array.AsReadOnly(inputs.HazardStarts.ToArray()), Array.AsReadOnly(inputs.ControlHazards.ToArray()), Array.AsReadOnly(treatmentHazards),
            Array.AsReadOnly(events), Array.AsReadOnly(times), Array.AsReadOnly(subjects),
            design.ExpectedInformationH0 * eventsFixed, arms.Strata.Length == 1 ? design.ExpectedInformationH1 * eventsFixed : expectedEvents,
            expectedSubjects, duration, expectedDuration);
    }
}
