namespace Evident.Protocol;

/// <summary>Pocock–Simon (1975) minimization settings (YAML <c>allocation.minimization</c>).</summary>
/// <param name="Factors">Factors whose marginal imbalance is minimized: stratification factor ids and/or <c>site</c>.</param>
/// <param name="Probability">
/// Probability of assigning the arm that minimizes the imbalance (the random element), 0.5 &lt; p ≤ 1; default 0.8.
/// </param>
public sealed record MinimizationSettings(IReadOnlyList<string> Factors, double Probability);
