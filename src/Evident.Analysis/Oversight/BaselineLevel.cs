namespace Evident.Analysis.Oversight;

/// <summary>One level of a baseline characteristic: participants per arm (protocol order) and overall.</summary>
/// <param name="Level">The level as the protocol names it, or "Not recorded".</param>
/// <param name="Arms">One count per arm, in protocol order.</param>
/// <param name="Overall">All arms together (its arm id is null).</param>
public sealed record BaselineLevel(string Level, IReadOnlyList<BaselineCount> Arms, BaselineCount Overall);
