namespace Evident.Analysis.Oversight;

/// <summary>One serious adverse event (ICH E2A) of the listing a monitoring committee reads.</summary>
/// <param name="Participant">The participant's id.</param>
/// <param name="Arm">The participant's arm id.</param>
/// <param name="Term">The term as recorded.</param>
/// <param name="OrganClass">The term's system organ class from the protocol's term list, or null.</param>
/// <param name="Grade">CTCAE grade, 1–5.</param>
/// <param name="Onset">Onset date, or null when the data do not give it.</param>
public sealed record SeriousAdverseEvent(string Participant, string Arm, string Term, string? OrganClass, int Grade, DateOnly? Onset);
