namespace Evident.Reporting.Json;

/// <summary>
/// The key names under which an estimate with its standard error, confidence interval, z and p is written; a null key
/// is left out. The reference-case contract writes an estimate inside its own object under fixed names
/// (<see cref="Contract"/>, <see cref="Survival"/>); results.json (<see cref="Report.ResultsJson"/>) writes it into its parent with the
/// quantity's name in the keys (<c>rmst_difference</c>, <c>rmst_difference_std_error</c>, …). Both contracts are
/// published, so the writers take the names as this explicit option rather than each contract keeping its own copy.
/// </summary>
/// <param name="Estimate">Key of the estimate.</param>
/// <param name="StdError">Key of its standard error, or null.</param>
/// <param name="ConfLow">Key of the lower confidence limit.</param>
/// <param name="ConfHigh">Key of the upper confidence limit.</param>
/// <param name="Z">Key of the z statistic, or null.</param>
/// <param name="PValue">Key of the p-value, or null.</param>
public sealed record EstimateKeys(string Estimate, string? StdError, string ConfLow, string ConfHigh, string? Z, string? PValue)
{
    /// <summary><c>estimate</c>, <c>std_error</c>, <c>conf_low</c>, <c>conf_high</c>, <c>z</c>, <c>p_value</c>.</summary>
    public static EstimateKeys Contract { get; } = new("estimate", "std_error", "conf_low", "conf_high", "z", "p_value");

    /// <summary>A survival probability: <c>survival</c>, <c>std_error</c>, <c>conf_low</c>, <c>conf_high</c>.</summary>
    public static EstimateKeys Survival { get; } = new("survival", "std_error", "conf_low", "conf_high", null, null);

    /// <summary>
    /// <paramref name="name"/>, <c>name_std_error</c>, <c>name_conf_low</c>, <c>name_conf_high</c> and, when
    /// <paramref name="withPValue"/>, <c>name_p</c>.
    /// </summary>
    /// <param name="name">The quantity, e.g. <c>dfs_3y</c>.</param>
    /// <param name="withPValue">Whether a p-value is written.</param>
    public static EstimateKeys Named(string name, bool withPValue = false) =>
        new(name, name + "_std_error", name + "_conf_low", name + "_conf_high", null, withPValue ? name + "_p" : null);
}
