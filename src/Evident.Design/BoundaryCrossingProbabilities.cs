namespace Evident.Design;

/// <summary>
/// Stage-wise boundary-crossing probabilities of a sequence of looks: Upper[k] = P(Z<sub>k</sub> ≥ b<sub>k</sub>,
/// continue before k), Lower[k] = P(Z<sub>k</sub> ≤ a<sub>k</sub>, continue before k). Not cumulative.
/// rpact: the rows of <c>getGroupSequentialProbabilities</c> differenced.
/// </summary>
/// <param name="Upper">Probability of first crossing the upper bound at each look.</param>
/// <param name="Lower">Probability of first crossing the lower bound at each look.</param>
public sealed record BoundaryCrossingProbabilities(IReadOnlyList<double> Upper, IReadOnlyList<double> Lower)
{
    /// <summary>Total probability of crossing the upper bound at some look, ΣUpper.</summary>
    public double TotalUpper => Sum(Upper);

    /// <summary>Total probability of crossing the lower bound at some look, ΣLower.</summary>
    public double TotalLower => Sum(Lower);

    private static double Sum(IReadOnlyList<double> values)
    {
        double s = 0;
        for (int i = 0; i < values.Count; i++) s += values[i];
        return s;
    }
}
