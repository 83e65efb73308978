namespace Evident.Analysis.Oversight;

/// <summary>Participants at one level in one arm.</summary>
/// <param name="Arm">The arm id, or null for all arms together.</param>
/// <param name="N">Participants.</param>
/// <param name="Percent">Percentage of the arm's participants (0–100); NaN for an empty arm.</param>
public sealed record BaselineCount(string? Arm, int N, double Percent);
