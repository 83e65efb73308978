namespace Evident.Analysis.Input;

/// <summary>One adverse event.</summary>
/// <param name="Participant">Index of the participant in <see cref="TrialData.Participants"/>.</param>
/// <param name="Term">The term as written in the data, e.g. <c>Sepsis</c>.</param>
/// <param name="Grade">CTCAE grade, 1–5.</param>
public sealed record AdverseEventRecord(int Participant, string Term, int Grade);
