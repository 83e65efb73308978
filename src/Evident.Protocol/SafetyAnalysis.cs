namespace Evident.Protocol;

/// <summary>
/// Adverse events of at least a CTCAE grade, by term and arm (YAML <c>analyses.safety</c>): participants with at least
/// one such event and the percentage of the arm.
/// </summary>
/// <param name="MinGrade">Lowest grade counted, 1–5; default 3.</param>
/// <param name="Terms">Terms of interest reported first and in the clinician summary (e.g. Sepsis); empty = none singled out.</param>
/// <param name="ByStratum">Whether to tabulate within each stratum too; default true.</param>
public sealed record SafetyAnalysis(int MinGrade, IReadOnlyList<string> Terms, bool ByStratum);
