using Evident.Design.Internal;

namespace Evident.Design;

/// <summary>
/// Number of events and subjects for a two-arm survival trial compared by the log-rank test, group-sequential or
/// fixed. Equivalent to rpact 3.3 <c>getSampleSizeSurvival(design, typeOfComputation = "Schoenfeld", hazardRatio,
/// median2 | lambda2, accrualTime = c(0, A), followUpTime, dropoutRate1 = dropoutRate2, dropoutTime,
/// allocationRatioPlanned)</c>.
/// </summary>
/// <remarks>
/// Events (Schoenfeld 1981): D<sub>fixed</sub> = (z<sub>1−α/s</sub> + z<sub>1−β</sub>)²·(1 + r)²/r / log²(HR);
/// D<sub>max</sub> = D<sub>fixed</sub> × inflation factor of the design. Subjects: N such that the expected events at
/// A + F under H1 (exponential survival, uniform accrual, exponential dropout) equal D<sub>max</sub>. Interim analysis
/// times solve expected events(τ) = t<sub>k</sub>·D<sub>max</sub>. Agrees with rpact 3.3.4 on the reference cases
/// ss-fixed and ss-obf-4 to better than 1e-6 relative.
/// </remarks>
public static class SurvivalSampleSize
{
    /// <summary>Computes events, subjects, accrual intensity and look timing.</summary>
    /// <param name="options">HR &gt; 0, ≠ 1; exactly one of control median / hazard, positive; accrual time &gt; 0; follow-up ≥ 0; 0 ≤ dropout &lt; 1; allocation ratio &gt; 0.</param>
    /// <exception cref="DesignInputException">An option is missing, NaN, infinite or out of range; or the design has a look
    /// that adds less than one planned event, D<sub>max</sub>·(t<sub>k</sub> − t<sub>k−1</sub>) &lt; 1 (in particular more looks
    /// than events, D<sub>max</sub> &lt; K), reported against <see cref="GroupSequentialOptions.Looks"/>.</exception>
    public static SurvivalSampleSizeResult Compute(SurvivalSampleSizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Design, "Design");
        double hr = options.HazardRatio;
        Checks.Positive(hr, "HazardRatio");
        if (hr == 1) throw new DesignInputException("HazardRatio", "1", "there is no effect to detect.");
        if (options.ControlMedian.HasValue == options.ControlHazard.HasValue)
            throw new DesignInputException("ControlMedian", null, "give exactly one of the control median and the control hazard.");
        double lambda2;
        if (options.ControlMedian is double median)
        {
            Checks.Positive(median, "ControlMedian");
            lambda2 = Math.Log(2) / median;
        }
        else
        {
            lambda2 = options.ControlHazard!.Value;
            Checks.Positive(lambda2, "ControlHazard");
        }
        double accrual = options.AccrualTime, followUp = options.FollowUpTime;
        Checks.Positive(accrual, "AccrualTime");
        Checks.Within(followUp, DesignLimits.NonNegative, "FollowUpTime", "must be a finite number ≥ 0.");
        Checks.Within(options.DropoutRate, DesignLimits.DropoutRate, "DropoutRate", $"must lie in {DesignLimits.DropoutRate}.");
        Checks.Positive(options.DropoutTime, "DropoutTime");
        double r = options.AllocationRatio;
        Checks.Positive(r, "AllocationRatio");

        var design = GroupSequential.Create(options.Design);
        double lambda1 = hr * lambda2;
        double dropout = -Math.Log(1 - options.DropoutRate) / options.DropoutTime;

        double zAlpha = Gaussian.UpperQuantile(design.TwoSided ? design.Alpha / 2 : design.Alpha);
        double zBeta = Gaussian.UpperQuantile(design.Beta);
        double logHr = Math.Log(hr);
        double eventsFixed = (zAlpha + zBeta) * (zAlpha + zBeta) * (1 + r) * (1 + r) / r / (logHr * logHr);
        double maxEvents = eventsFixed * design.InflationFactor;
        if (Checks.TooFewEventsPerLook(design.Information, maxEvents) is { } tooFew)
            throw new DesignInputException("Looks", design.Looks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                tooFew + " Use fewer looks, or a hazard ratio further from 1.");

        var model = new ExponentialEvents(lambda1, lambda2, dropout, r, accrual);
        double duration = accrual + followUp;
        double maxSubjects = maxEvents / model.Events(1, duration);

        int looks = design.Looks;
        var events = new double[looks];
        var times = new double[looks];
        var subjects = new double[looks];
        for (int k = 0; k < looks; k++)
        {
            events[k] = design.Information[k] * maxEvents;
            double target = events[k];
            times[k] = k == looks - 1
                ? duration
                : Roots.Brent(tau => model.Events(maxSubjects, tau) - target, 0, duration, 1e-10 * duration);
            subjects[k] = maxSubjects * Math.Min(times[k], accrual) / accrual;
        }

        double continuing = 1, expectedSubjects = 0, expectedDuration = 0;
        for (int k = 0; k < looks - 1; k++)
        {
            double stop = design.RejectionProbabilitiesH1[k] + design.FutilityProbabilitiesH1[k];
            expectedSubjects += stop * subjects[k];
            expectedDuration += stop * times[k];
            continuing -= stop;
        }
        expectedSubjects += continuing * subjects[^1];
        expectedDuration += continuing * times[^1];

        return new SurvivalSampleSizeResult(
            design, eventsFixed, maxEvents, maxSubjects, maxSubjects / accrual, lambda2, lambda1,
            Array.AsReadOnly(events), Array.AsReadOnly(times), Array.AsReadOnly(subjects),
            design.ExpectedInformationH0 * eventsFixed, design.ExpectedInformationH1 * eventsFixed,
            expectedSubjects, duration, expectedDuration);
    }
}
