namespace Evident.Randomization;

/// <summary>An emergency unblinding of one participant.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Site">The participant's site.</param>
/// <param name="By">The user who unblinded.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why (required).</param>
public sealed record Unblinding(string ParticipantId, string Site, string By, DateTimeOffset At, string Reason);
