namespace Evident.Analysis.Pooled;

/// <summary>Participants with at least one adverse event of at least <paramref name="MinGrade"/>, per term, over all arms.</summary>
/// <param name="MinGrade">Lowest grade counted.</param>
/// <param name="Participants">Participants in the safety analysis (the denominator).</param>
/// <param name="Terms">One row per term, in the safety table's order (terms of interest first).</param>
/// <param name="AnyTerm">Participants with an event of any term.</param>
public sealed record PooledAdverseEvents(int MinGrade, int Participants, IReadOnlyList<PooledTerm> Terms, PooledTerm AnyTerm);
