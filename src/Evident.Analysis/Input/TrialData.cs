namespace Evident.Analysis.Input;

/// <summary>
/// A trial's data mapped onto its protocol, whatever the layout it came from: the one input of
/// <see cref="TrialAnalysis.Run"/>. The simple layout and ADaM of the same trial map to equal values.
/// </summary>
/// <param name="Participants">One entry per participant, in file order.</param>
/// <param name="AdverseEvents">Adverse events (participant index, term, grade); empty when no table was given.</param>
/// <param name="Source">What was read, for the report (file or directory names).</param>
/// <param name="Layout">The layout read.</param>
public sealed record TrialData(
    IReadOnlyList<TrialParticipant> Participants,
    IReadOnlyList<AdverseEventRecord> AdverseEvents,
    string Source,
    DataLayout Layout)
{
    /// <summary>
    /// False when the data give follow-up as time since randomization without calendar dates
    /// (<c>data.simple.follow_up_time</c>): no data cut-off, no monitoring looks by date.
    /// </summary>
    public bool HasDates { get; init; } = true;

    /// <summary>The SHA-256 of the data as read (<see cref="DataHash"/>), or null when they were not read from files.</summary>
    public string? Sha256 { get; init; }

    /// <summary>
    /// The kinds of off-study record the data can hold (the simple layout's mapped <c>data.simple.off_study</c> columns, or
    /// ADSL's end-of-treatment and end-of-study variables): a kind not listed is shown as not recorded, not as none.
    /// </summary>
    public IReadOnlyList<Protocol.OffStudyKind> OffStudyRecorded { get; init; } = [];
}
