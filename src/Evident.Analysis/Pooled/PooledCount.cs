namespace Evident.Analysis.Pooled;

/// <summary>Participants and events of a group over all arms.</summary>
/// <param name="Label">"Overall" or the stratum's label.</param>
/// <param name="N">Participants.</param>
/// <param name="Events">Participants whose follow-up ended with the endpoint's event.</param>
public sealed record PooledCount(string Label, int N, int Events);
