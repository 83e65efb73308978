namespace Evident.Protocol.Synthetic;

/// <summary>
/// How a synthetic trial records participants leaving protocol therapy or the study (scenario key <c>off_study</c>), for
/// the report's CONSORT flow. Drawn from a generator of its own, so adding it leaves every outcome of the trial as it was.
/// </summary>
/// <param name="OffTherapy">Probability per participant of stopping protocol therapy early, in [0, 1].</param>
/// <param name="Therapy">Length of protocol therapy in the protocol's time unit (&gt; 0): the stop date is uniform over it.</param>
/// <param name="Reasons">Reasons for stopping therapy early.</param>
/// <param name="ReasonProbabilities">Probability of each reason, summing to 1.</param>
/// <param name="Withdrawn">
/// Share, in [0, 1], of the participants whose follow-up ends early (<c>loss_to_follow_up</c>) recorded as a withdrawal of
/// consent without further follow-up; the others are recorded as lost to follow-up.
/// </param>
public sealed record ScenarioOffStudy(double OffTherapy, double Therapy, IReadOnlyList<string> Reasons, IReadOnlyList<double> ReasonProbabilities, double Withdrawn);
