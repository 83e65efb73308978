using Evident.Statistics;
using Evident.Statistics.Safety;

namespace Evident.Analysis.Results;

/// <summary>Adverse events of at least the protocol's grade by term and arm, and grade 4–5 events of the terms of interest.</summary>
/// <param name="MinGrade">Lowest grade counted.</param>
/// <param name="Terms">Term of each term code of <paramref name="Table"/> (terms of interest first, then alphabetical).</param>
/// <param name="TermsOfInterest">
/// The protocol's terms of interest, all of them (a term absent from the data counts 0 events and raises a warning in
/// <see cref="AnalysisResults.Warnings"/>).
/// </param>
/// <param name="StrataLabels">Label of each stratum code of the tables.</param>
/// <param name="Table">Grade ≥ <paramref name="MinGrade"/> table (R-equivalent Fisher and CMH tests in each comparison).</param>
/// <param name="Severe">Grade ≥ 4 events of the terms of interest (term codes = <paramref name="TermsOfInterest"/>), or null when there are none of interest.</param>
public sealed record SafetyResult(
    int MinGrade,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> TermsOfInterest,
    IReadOnlyList<string> StrataLabels,
    SafetyTable Table,
    SafetyTable? Severe)
{
    /// <summary>
    /// With more than one stratum, for every row of <see cref="Table"/> (terms, then any term) and every compared arm,
    /// the per-stratum risk differences and the Breslow–Day–Tarone test of homogeneity; empty otherwise.
    /// </summary>
    public IReadOnlyList<SafetyStratumComparison> ByStratum { get; init; } = [];
}
