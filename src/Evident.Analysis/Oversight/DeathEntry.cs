namespace Evident.Analysis.Oversight;

/// <summary>One death of the deaths listing.</summary>
/// <param name="Participant">The participant's id.</param>
/// <param name="Arm">The participant's arm id.</param>
/// <param name="Date">Date of death.</param>
/// <param name="Time">Time from randomization to death, in the protocol's time unit.</param>
/// <param name="Cause">Cause of death as recorded, or null.</param>
public sealed record DeathEntry(string Participant, string Arm, DateOnly Date, double Time, string? Cause)
{
    /// <summary>
    /// The deaths on or before the cut-off among <paramref name="participants"/>, by arm (protocol order), then date, then participant.
    /// </summary>
    /// <param name="protocol">The protocol (arms, time unit).</param>
    /// <param name="participants">The participants analysed.</param>
    /// <param name="cutoff">The data cut-off, or null.</param>
    public static IReadOnlyList<DeathEntry> List(Protocol.TrialProtocol protocol, IEnumerable<Input.TrialParticipant> participants, DateOnly? cutoff)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(participants);
        double unit = Protocol.TimeUnitExtensions.Days(protocol.TimeUnit);
        return participants.Where(p => p.Death is { } d && (cutoff is not { } cut || d.Date <= cut))
                           .Select(p => (Arm: p.Arm, Entry: new DeathEntry(p.Id, protocol.Arms[p.Arm].Id, p.Death!.Date, (p.Death.Date.DayNumber - p.Randomized.DayNumber) / unit, p.Death.Cause)))
                           .OrderBy(x => x.Arm).ThenBy(x => x.Entry.Date).ThenBy(x => x.Entry.Participant, StringComparer.Ordinal)
                           .Select(x => x.Entry).ToArray().AsReadOnly();
    }
}
