namespace Evident.Protocol;

/// <summary>
/// One cause of a competing-risks endpoint (YAML <c>endpoints[].causes[]</c>), e.g. isolated CNS relapse, or death in
/// remission (the component <c>death</c> when it is the first event).
/// </summary>
/// <param name="Id">Identifier of the cause.</param>
/// <param name="Label">Label for tables; defaults to the id.</param>
/// <param name="Components">The components that count as this cause (at least one; no component in two causes).</param>
public sealed record CompetingCause(string Id, string Label, IReadOnlyList<string> Components);
