namespace Evident.Statistics.Safety;

/// <summary>
/// Fisher's (1935) exact test of independence in a 2×2 table [[a, b], [c, d]] (rows = groups, columns = with /
/// without the event), conditional on both margins: the p-values of R's <c>fisher.test(matrix(c(a, c, b, d), 2))</c>
/// for <c>alternative = "two.sided"</c>, <c>"less"</c> and <c>"greater"</c>. Built by <see cref="FisherExact.Test"/>.
/// </summary>
/// <param name="A">Row 1, column 1 (e.g. participants of the arm with the event), ≥ 0.</param>
/// <param name="B">Row 1, column 2, ≥ 0.</param>
/// <param name="C">Row 2, column 1, ≥ 0.</param>
/// <param name="D">Row 2, column 2, ≥ 0.</param>
/// <param name="PValue">
/// Two-sided p: the total probability of the tables no more likely than the observed one, "no more likely" meaning
/// P(table) ≤ P(observed)·(1 + 10⁻⁷) (R's relative tolerance). In [0, 1].
/// </param>
/// <param name="PValueLess">One-sided p for an odds ratio below 1: P(X ≤ a). R: <c>alternative = "less"</c>.</param>
/// <param name="PValueGreater">One-sided p for an odds ratio above 1: P(X ≥ a). R: <c>alternative = "greater"</c>.</param>
public sealed record FisherExactTest(int A, int B, int C, int D, double PValue, double PValueLess, double PValueGreater);
