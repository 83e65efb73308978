using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>One record of a participant leaving protocol therapy or the study.</summary>
/// <param name="Kind">Off therapy, withdrawn or lost to follow-up.</param>
/// <param name="Date">When it happened.</param>
/// <param name="Reason">The reason as recorded, or null.</param>
/// <param name="FollowUpAllowed">For a withdrawal: whether follow-up data may still be collected; null when not recorded or not a withdrawal.</param>
public sealed record OffStudyRecord(OffStudyKind Kind, DateOnly Date, string? Reason, bool? FollowUpAllowed);
