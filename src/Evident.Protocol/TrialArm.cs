namespace Evident.Protocol;

/// <summary>A treatment arm (YAML <c>arms[]</c>). Exactly one arm of a protocol is the control.</summary>
/// <param name="Id">Identifier used in data and analyses, e.g. <c>blinatumomab</c>.</param>
/// <param name="Label">Label for tables and figures, e.g. <c>Chemotherapy + blinatumomab</c>; defaults to the id.</param>
/// <param name="IsControl">Whether this is the control (reference) arm: hazard ratios are experimental/control.</param>
public sealed record TrialArm(string Id, string Label, bool IsControl);
