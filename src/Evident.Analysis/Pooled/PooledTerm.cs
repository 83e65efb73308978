namespace Evident.Analysis.Pooled;

/// <summary>One term of <see cref="PooledAdverseEvents"/>.</summary>
/// <param name="Term">The term, or "Any of the above".</param>
/// <param name="Participants">Participants with at least one event of the term (worst grade counted).</param>
/// <param name="Proportion">Participants ÷ the safety analysis's participants (NaN when nobody is analysed).</param>
public sealed record PooledTerm(string Term, int Participants, double Proportion);
