using Evident.Protocol;

namespace Evident.Analysis.Enrolment;

/// <summary>
/// The protocol's planned accrual, to set beside the observed: <c>design.participants</c> randomized uniformly over
/// <c>design.accrual_duration</c> (the sample-size calculation's assumption), counted from the first randomization.
/// </summary>
/// <param name="Participants">The planned number of participants.</param>
/// <param name="AccrualDuration">The planned length of accrual, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The protocol's time unit.</param>
/// <param name="ByMonth">Planned cumulative number randomized by the end of each month of the summary (not rounded).</param>
public sealed record AccrualTarget(int Participants, double AccrualDuration, TimeUnit Unit, IReadOnlyList<double> ByMonth)
{
    /// <summary>
    /// The plan over <paramref name="enrolment"/>'s months: N·min(1, t/D) at the end of each month, t the time since the
    /// first randomization. Null when the protocol does not give both the participants and the accrual duration, or when
    /// nobody is randomized yet. The months are those of the summary, so the plan never runs past its as-of date.
    /// </summary>
    /// <param name="protocol">The protocol (its design and time unit).</param>
    /// <param name="enrolment">The observed accrual.</param>
    /// <param name="firstRandomized">Date of the first randomization (the start of accrual).</param>
    public static AccrualTarget? Plan(TrialProtocol protocol, EnrolmentSummary enrolment, DateOnly firstRandomized)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(enrolment);
        if (protocol.Design is not { Participants: int n, AccrualDuration: double duration } || enrolment.Months.Count == 0) return null;
        double unit = protocol.TimeUnit.Days();
        var planned = enrolment.Months
            .Select(month => (month.AddMonths(1).DayNumber - firstRandomized.DayNumber) / unit)
            .Select(elapsed => n * Math.Clamp(elapsed / duration, 0, 1))
            .ToArray();
        return new AccrualTarget(n, duration, protocol.TimeUnit, planned);
    }
}
