namespace Evident.Statistics.Survival;

/// <summary>The median follow-up of a group by reverse Kaplan–Meier (see <see cref="FollowUp.ReverseKaplanMeier"/>).</summary>
/// <param name="N">Participants.</param>
/// <param name="Censored">Participants still followed without an event (the reverse method's "events").</param>
/// <param name="Median">Median follow-up; NaN when not yet reached (R: NA).</param>
/// <param name="ConfLow">Lower limit of its confidence interval; NaN = NA.</param>
/// <param name="ConfHigh">Upper limit; NaN = NA.</param>
/// <param name="ConfidenceLevel">Level of the limits.</param>
public sealed record FollowUpEstimate(int N, int Censored, double Median, double ConfLow, double ConfHigh, double ConfidenceLevel);
