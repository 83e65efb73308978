namespace Evident.Randomization.Participants;

/// <summary>
/// Where a randomized participant stands, from their current captured entries, the gravest first:
/// <see cref="Invalidated"/>, <see cref="Dead"/>, <see cref="LostToFollowUp"/>, <see cref="Withdrawn"/>,
/// <see cref="OffTherapy"/>, else <see cref="OnStudy"/>. The wire names are <see cref="ParticipantStatuses.Name"/>.
/// </summary>
public enum ParticipantStatus
{
    /// <summary>Randomized, none of the records below; <c>on_study</c>.</summary>
    OnStudy,

    /// <summary>Off protocol therapy (follow-up continues); <c>off_therapy</c>.</summary>
    OffTherapy,

    /// <summary>Withdrew consent; <c>withdrawn</c>.</summary>
    Withdrawn,

    /// <summary>Lost to follow-up; <c>lost_to_follow_up</c>.</summary>
    LostToFollowUp,

    /// <summary>A death is recorded; <c>dead</c>.</summary>
    Dead,

    /// <summary>The randomization was invalidated (a mistaken randomization); <c>invalidated</c>.</summary>
    Invalidated,
}

/// <summary>The wire names of <see cref="ParticipantStatus"/>.</summary>
public static class ParticipantStatuses
{
    /// <summary>The wire name of <paramref name="status"/>, e.g. <c>lost_to_follow_up</c>.</summary>
    /// <param name="status">The status.</param>
    public static string Name(ParticipantStatus status) => status switch
    {
        ParticipantStatus.OnStudy => "on_study",
        ParticipantStatus.OffTherapy => "off_therapy",
        ParticipantStatus.Withdrawn => "withdrawn",
        ParticipantStatus.LostToFollowUp => "lost_to_follow_up",
        ParticipantStatus.Dead => "dead",
        ParticipantStatus.Invalidated => "invalidated",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
