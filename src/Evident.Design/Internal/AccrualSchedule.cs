using System.Globalization;

namespace Evident.Design.Internal;

/// <summary>
/// Whichever of the subjects, the end of accrual and the follow-up the sample-size inputs leave open, found so that
/// the expected events at the final look equal D<sub>max</sub> — rpact <c>getSampleSizeSurvival</c>'s cases:
/// <list type="bullet">
/// <item>fixed end, relative intensities, follow-up F: N = D<sub>max</sub>/P(event by end + F), intensities scaled to N;</item>
/// <item>fixed end, absolute intensities (or relative ones with N given): N is fixed, the follow-up is solved;</item>
/// <item>open end, absolute intensities, F: the end T solves events<sub>T</sub>(T + F) = D<sub>max</sub>;</item>
/// <item>open end, absolute intensities, N given: T is when N are enrolled, the follow-up is solved.</item>
/// </list>
/// Unlike rpact, which returns a negative follow-up (and the subjects enrolled by then), events reached before accrual
/// ends are an input error: fewer subjects would do.
/// </summary>
internal static class AccrualSchedule
{
    /// <summary>The accrual with absolute intensities and its end, and the follow-up after it.</summary>
    /// <exception cref="DesignInputException">A missing or conflicting input, or events that cannot be reached as asked.</exception>
    public static (AccrualCurve Accrual, double FollowUp) Solve(SampleSizeInputs inputs, double? followUp, double? maxSubjects, EventMixture arms, double maxEvents)
    {
        if (followUp.HasValue && maxSubjects.HasValue)
            throw new DesignInputException("MaxSubjects", Text(maxSubjects.Value), "give the follow-up or the subjects, not both: the other is computed.");
        double[] times = inputs.AccrualTimes, intensities = inputs.AccrualIntensities;
        if (inputs.OpenEnd)
        {
            if (inputs.Relative)
                throw new DesignInputException("AccrualIntensities", DesignInputException.Text(intensities),
                    "relative intensities (all below 1) need a fixed end of accrual: give one accrual time more than intensities.");
            var open = new AccrualCurve(times, intensities, double.PositiveInfinity);
            if (maxSubjects is double n)
                return WithFollowUp(open.Until(EndFor(open, n)), arms, maxEvents, "MaxSubjects");
            if (followUp is not double f)
                throw new DesignInputException("FollowUpTime", null, "an open-ended accrual needs the follow-up or the number of subjects.");
            double end = Increasing(t => arms.Events(open.Until(t), t + f) - maxEvents, Math.Max(times[^1], 1), "FollowUpTime");
            return (open.Until(end), f);
        }
        var closed = new AccrualCurve(times[..^1], intensities, times[^1]);
        double total = closed.Subjects(closed.End);
        if (inputs.Relative)
        {
            if (maxSubjects is double n) return WithFollowUp(closed.Scaled(n / total), arms, maxEvents, "MaxSubjects");
            if (followUp is not double f)
                throw new DesignInputException("FollowUpTime", null, "relative accrual intensities need the follow-up (or the number of subjects).");
            double perSubject = arms.Events(closed, closed.End + f) / total;
            return (closed.Scaled(maxEvents / perSubject / total), f);
        }
        if (followUp is double given)
            throw new DesignInputException("FollowUpTime", Text(given),
                "absolute accrual intensities with a fixed end fix the number of subjects, so the follow-up is computed; leave it out.");
        if (maxSubjects is double m && Math.Abs(m - total) > 1e-4 * total)
            throw new DesignInputException("MaxSubjects", Text(m), $"disagrees with the accrual times and intensities, which enrol {Text(total)}.");
        return WithFollowUp(closed, arms, maxEvents, "AccrualIntensities");
    }

    /// <summary>The accrual and the follow-up after its end at which the expected events reach D<sub>max</sub>.</summary>
    private static (AccrualCurve, double) WithFollowUp(AccrualCurve accrual, EventMixture arms, double maxEvents, string input)
    {
        double subjects = accrual.Subjects(accrual.End);
        double eventual = subjects * arms.EventualFraction();
        if (!(eventual > maxEvents * (1 + 1e-9)))
            throw new DesignInputException(input, null,
                string.Create(CultureInfo.InvariantCulture, $"{subjects:G6} subjects are expected to have {eventual:G6} events in all, no more than the {maxEvents:G6} needed (too few subjects, or too much dropout)."));
        double time = Increasing(t => arms.Events(accrual, t) - maxEvents, Math.Max(accrual.End, 1), input);
        if (time < accrual.End)
            throw new DesignInputException(input, null,
                string.Create(CultureInfo.InvariantCulture, $"with {subjects:G6} subjects the {maxEvents:G6} events are expected at time {time:G6}, before accrual ends at {accrual.End:G6}, so fewer subjects would do; shorten the accrual or lower its intensities."));
        return (accrual, time - accrual.End);
    }

    /// <summary>The time at which an open-ended accrual has enrolled <paramref name="subjects"/>.</summary>
    private static double EndFor(AccrualCurve open, double subjects)
    {
        double enrolled = 0;
        int last = open.Starts.Length - 1;
        for (int j = 0; j < last; j++)
        {
            double piece = open.Intensities[j] * (open.Starts[j + 1] - open.Starts[j]);
            if (piece > 0 && enrolled + piece >= subjects) return open.Starts[j] + (subjects - enrolled) / open.Intensities[j];
            enrolled += piece;
        }
        return open.Starts[last] + (subjects - enrolled) / open.Intensities[last];
    }

    /// <summary>The root in (0, ∞) of an increasing function negative at 0, bracketed by doubling from <paramref name="start"/>.</summary>
    private static double Increasing(Func<double, double> f, double start, string input)
    {
        double hi = start;
        for (int i = 0; f(hi) < 0; i++)
        {
            if (i == 60) throw new DesignInputException(input, null, "the events are never reached.");
            hi *= 2;
        }
        return Roots.Brent(f, 0, hi, 1e-12 * hi);
    }

    private static string Text(double value) => DesignInputException.Text(value);
}
