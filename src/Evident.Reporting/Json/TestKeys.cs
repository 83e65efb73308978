namespace Evident.Reporting.Json;

/// <summary>
/// The key names under which a chi-square test is written: the contract's <see cref="Contract"/> inside the test's own
/// object, or results.json's flattened names such as <c>logrank_chisq</c> and <c>logrank_p</c>.
/// </summary>
/// <param name="Statistic">Key of the statistic.</param>
/// <param name="DegreesOfFreedom">Key of the degrees of freedom, or null to leave them out.</param>
/// <param name="PValue">Key of the p-value.</param>
public sealed record TestKeys(string Statistic, string? DegreesOfFreedom, string PValue)
{
    /// <summary><c>statistic</c>, <c>df</c>, <c>p_value</c>.</summary>
    public static TestKeys Contract { get; } = new("statistic", "df", "p_value");
}
