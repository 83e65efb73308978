namespace Evident.Randomization.Participants;

/// <summary>The orders of a participant list (<see cref="ParticipantListing"/>); ties are broken by participant id.</summary>
public enum ParticipantSort
{
    /// <summary>By participant id (ordinal); <c>participant</c>.</summary>
    ParticipantId,

    /// <summary>By randomization, i.e. by randomization number; <c>randomized</c>.</summary>
    Randomized,

    /// <summary>By last contact date; <c>last_contact</c>.</summary>
    LastContact,

    /// <summary>By status, in the order of <see cref="ParticipantStatus"/> (on study first); <c>status</c>.</summary>
    Status,
}
