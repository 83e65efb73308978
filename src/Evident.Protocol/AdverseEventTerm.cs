namespace Evident.Protocol;

/// <summary>
/// One term of the protocol's adverse-event term list (YAML <c>adverse_event_terms.terms[]</c>): a CTCAE term with its
/// MedDRA system organ class and, where the protocol gives them, the description of each grade.
/// </summary>
/// <param name="Term">The term as captured and as written in the data, e.g. <c>Sepsis</c>.</param>
/// <param name="OrganClass">The system organ class, e.g. <c>Infections and infestations</c>, or null.</param>
/// <param name="Grades">Descriptions of grades 1–5 the protocol gives, in grade order; may be empty.</param>
public sealed record AdverseEventTerm(string Term, string? OrganClass, IReadOnlyList<GradeDescription> Grades);
