namespace Evident.Protocol.Synthetic;

/// <summary>
/// One adverse-event term of a synthetic trial (YAML <c>adverse_events[]</c>). Each participant gets at most one
/// grade ≥ 3 event of the term, with worst grade ≥ 4 with probability <see cref="Grade4Plus"/>, and independently a
/// grade 1–2 event with probability <see cref="Grade1To2"/>.
/// </summary>
/// <param name="Term">The term, e.g. <c>Sepsis</c>.</param>
/// <param name="Grade1To2">Probability of a grade 1–2 event, 0 ≤ p ≤ 1.</param>
/// <param name="Grade3Plus">P(worst grade ≥ 3), indexed [stratum][arm] in scenario and protocol order.</param>
/// <param name="Grade4Plus">P(worst grade ≥ 4) ≤ P(worst grade ≥ 3), indexed [stratum][arm].</param>
/// <param name="Grade5Share">Share of grade ≥ 4 events that are fatal (grade 5), 0 ≤ p ≤ 1.</param>
public sealed record ScenarioAdverseEvent(
    string Term,
    double Grade1To2,
    IReadOnlyList<IReadOnlyList<double>> Grade3Plus,
    IReadOnlyList<IReadOnlyList<double>> Grade4Plus,
    double Grade5Share);
