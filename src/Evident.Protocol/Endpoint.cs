namespace Evident.Protocol;

/// <summary>
/// A time-to-event endpoint built from event components (YAML <c>endpoints[]</c>). Time runs from
/// <see cref="Origin"/> to the earliest component date; without any, the participant is censored per
/// <see cref="CensorAt"/>. For <see cref="EndpointKind.CompetingRisks"/> the earliest component also gives the cause.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>dfs</c>.</param>
/// <param name="Label">Label, e.g. <c>Disease-free survival</c>; defaults to the id.</param>
/// <param name="Kind">First event (composite) or competing risks.</param>
/// <param name="Components">
/// Every component that ends follow-up: for a composite the YAML <c>events</c>; for competing risks the union of the
/// causes' components in cause order.
/// </param>
/// <param name="Causes">The causes of a competing-risks endpoint (at least two); empty for a composite.</param>
/// <param name="Origin">Start of time.</param>
/// <param name="CensorAt">Censoring rule.</param>
/// <param name="Milestones">
/// Milestone times (in the protocol's time unit) for survival or cumulative incidence, e.g. [36, 60], distinct and in
/// the protocol's order; empty without one.
/// </param>
/// <param name="RmstHorizon">Horizon τ for the restricted mean survival time, or null; composites only.</param>
public sealed record Endpoint(
    string Id,
    string Label,
    EndpointKind Kind,
    IReadOnlyList<string> Components,
    IReadOnlyList<CompetingCause> Causes,
    EndpointOrigin Origin,
    CensoringRule CensorAt,
    IReadOnlyList<double> Milestones,
    double? RmstHorizon)
{
    /// <summary>
    /// The endpoint as a noun phrase for sentences (YAML <c>noun</c>, e.g. "a relapse or death"), or null: sentences
    /// then say "a {label} event".
    /// </summary>
    public string? Noun { get; init; }

    /// <summary>The first milestone, or null without one (the one today's single-milestone outputs report).</summary>
    public double? Milestone => Milestones.Count > 0 ? Milestones[0] : null;
}
