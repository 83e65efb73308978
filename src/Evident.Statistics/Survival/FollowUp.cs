namespace Evident.Statistics.Survival;

/// <summary>
/// How long participants have been followed: the median follow-up by the reverse Kaplan–Meier method (Schemper &amp;
/// Smith 1996), i.e. the Kaplan–Meier median of the censoring distribution, in which a censoring is the "event" and an
/// event censors. Unlike the median of observed times it does not shrink when events are frequent.
/// </summary>
/// <remarks>Equivalent to R's <c>print(survfit(Surv(time, 1 - status) ~ 1, conf.int = level))</c>: median and its
/// Brookmeyer–Crowley limits on R's default log scale.</remarks>
public static class FollowUp
{
    /// <summary>The reverse Kaplan–Meier median follow-up of one group.</summary>
    /// <param name="time">Follow-up times, finite and ≥ 0, any order.</param>
    /// <param name="isEvent"><c>true</c> = the endpoint's event, <c>false</c> = censored; same length as <paramref name="time"/>.</param>
    /// <param name="confLevel">Confidence level of the median's limits, 0 &lt; level &lt; 1.</param>
    /// <returns>The median and its limits; NaN where R gives NA (fewer than half the participants censored yet).</returns>
    /// <exception cref="ArgumentException">The spans are empty or differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is NaN, infinite or negative; the level is outside (0, 1).</exception>
    public static FollowUpEstimate ReverseKaplanMeier(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, double confLevel = 0.95)
    {
        if (isEvent.Length != time.Length) throw new ArgumentException("time and isEvent differ in length.", nameof(isEvent));
        var censored = new bool[isEvent.Length];
        int count = 0;
        for (int i = 0; i < censored.Length; i++)
        {
            censored[i] = !isEvent[i];
            if (censored[i]) count++;
        }
        var curve = KaplanMeier.Fit(time, censored, ConfidenceType.Log, confLevel);
        return new FollowUpEstimate(time.Length, count, curve.Median, curve.MedianLower, curve.MedianUpper, confLevel);
    }
}
