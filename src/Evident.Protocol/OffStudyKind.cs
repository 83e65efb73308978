namespace Evident.Protocol;

/// <summary>Why a participant's protocol course ended early; each is recorded with a date and a reason.</summary>
public enum OffStudyKind
{
    /// <summary>Stopped protocol therapy; follow-up continues.</summary>
    OffTherapy,

    /// <summary>Withdrew consent; follow-up data may or may not still be collected.</summary>
    Withdrawn,

    /// <summary>Lost to follow-up: no further contact is possible.</summary>
    LostToFollowUp,
}
