namespace Evident.Analysis.Oversight;

/// <summary>A participant whose last contact is older than the protocol's follow-up interval plus grace at the reference date.</summary>
/// <param name="Participant">The participant's id.</param>
/// <param name="Site">The site, or null when the data give none.</param>
/// <param name="Arm">The participant's arm id.</param>
/// <param name="LastContact">The last date the participant was known alive.</param>
/// <param name="SinceLastContact">Time from the last contact to the reference date, in the protocol's time unit.</param>
public sealed record OverdueParticipant(string Participant, string? Site, string Arm, DateOnly LastContact, double SinceLastContact);
