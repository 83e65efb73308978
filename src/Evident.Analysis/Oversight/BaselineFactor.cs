namespace Evident.Analysis.Oversight;

/// <summary>One characteristic of the baseline table.</summary>
/// <param name="Id">The factor's or covariate's id.</param>
/// <param name="Label">Its label from the protocol.</param>
/// <param name="Levels">The protocol's levels in display order, then any other value seen (ordinal order), then "Not recorded" when a value is missing.</param>
public sealed record BaselineFactor(string Id, string Label, IReadOnlyList<BaselineLevel> Levels);
