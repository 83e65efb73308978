namespace Evident.Data;

/// <summary>
/// The curves of a Kaplan–Meier fit: every observed combination of the formula's grouping terms and its
/// <c>strata()</c> terms, as R's <c>survfit</c> makes one curve per combination of all right-hand-side terms.
/// </summary>
/// <param name="Codes">The curve of each row of the model frame, 0 … Labels.Count − 1.</param>
/// <param name="Labels">Per curve, column → value; ordered by group, then by stratum.</param>
public sealed record SurvivalGrouping(IReadOnlyList<int> Codes, IReadOnlyList<IReadOnlyDictionary<string, string>> Labels)
{
    /// <summary>The codes as a span for the kernels.</summary>
    public ReadOnlySpan<int> CodeSpan => codes;

    private readonly int[] codes = Codes as int[] ?? Codes.ToArray();
}
