namespace Evident.Randomization;

/// <summary>The outcome of one minimization step (see <see cref="Minimization.Choose"/>).</summary>
/// <param name="Arm">Index of the chosen arm in the protocol's arm order.</param>
/// <param name="Imbalance">The imbalance G_k that assigning each arm would produce.</param>
/// <param name="Preferred">Whether the chosen arm is one of least imbalance (true also when all arms tie).</param>
public sealed record MinimizationDecision(int Arm, IReadOnlyList<double> Imbalance, bool Preferred);
