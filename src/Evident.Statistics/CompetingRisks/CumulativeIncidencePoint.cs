namespace Evident.Statistics.CompetingRisks;

/// <summary>A cumulative incidence estimate at one time (a row of R's <c>cmprsk::timepoints()</c> or of a curve's jumps).</summary>
/// <param name="Time">The time t.</param>
/// <param name="Estimate">The Aalen–Johansen estimate F̂ₖ(t) = P(T ≤ t, cause = k); NaN (R: NA) after the group's last follow-up time.</param>
/// <param name="Variance">cmprsk's estimate of Var F̂ₖ(t) (see <see cref="CumulativeIncidenceCurve"/>); NaN after the last follow-up time.</param>
public sealed record CumulativeIncidencePoint(double Time, double Estimate, double Variance);
