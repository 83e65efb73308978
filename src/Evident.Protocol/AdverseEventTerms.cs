namespace Evident.Protocol;

/// <summary>
/// The protocol's adverse-event term list (YAML <c>adverse_event_terms</c>): the terms a site picks from on the
/// adverse-event form, each with its system organ class for the report's tables by organ class and term.
/// </summary>
/// <param name="Terms">The terms, distinct, in file order.</param>
/// <param name="OtherAllowed">Whether a term outside the list may be recorded ("other, specify").</param>
public sealed record AdverseEventTerms(IReadOnlyList<AdverseEventTerm> Terms, bool OtherAllowed)
{
    /// <summary>The listed term equal to <paramref name="term"/> (ordinal, ignoring case), or null.</summary>
    /// <param name="term">A term as captured or as written in the data.</param>
    public AdverseEventTerm? Find(string term) =>
        Terms.FirstOrDefault(t => string.Equals(t.Term, term, StringComparison.OrdinalIgnoreCase));
}
