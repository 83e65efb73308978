namespace Evident.Analysis.Oversight;

/// <summary>The CONSORT flow of one arm.</summary>
/// <param name="Arm">The arm id.</param>
/// <param name="Label">The arm's label.</param>
/// <param name="Randomized">Participants randomized to the arm on or before the cut-off (allocated).</param>
/// <param name="Steps">Off therapy, withdrawn and lost to follow-up, in that order (every kind, recorded or not).</param>
/// <param name="Analysed">Participants of the arm in the primary analysis: all of them, by intention to treat.</param>
public sealed record ConsortArm(string Arm, string Label, int Randomized, IReadOnlyList<ConsortStep> Steps, int Analysed);
