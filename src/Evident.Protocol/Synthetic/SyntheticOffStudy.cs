namespace Evident.Protocol.Synthetic;

/// <summary>One record of a synthetic participant leaving protocol therapy or the study.</summary>
/// <param name="Kind">Off therapy, withdrawn or lost to follow-up.</param>
/// <param name="Date">When it happened.</param>
/// <param name="Reason">The reason recorded.</param>
/// <param name="FollowUpAllowed">For a withdrawal, whether follow-up data may still be collected; null otherwise.</param>
public sealed record SyntheticOffStudy(OffStudyKind Kind, DateOnly Date, string Reason, bool? FollowUpAllowed);
