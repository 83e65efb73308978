namespace Evident.Protocol;

/// <summary>Text for the one-page clinician summary (YAML <c>summary:</c>); the key learnings come from the numbers.</summary>
/// <param name="LearningObjective">The learning objective sentence, or null.</param>
/// <param name="Abbreviations">Abbreviations and their meaning, in file order.</param>
public sealed record ClinicianSummary(string? LearningObjective, IReadOnlyList<Abbreviation> Abbreviations);
