namespace Evident.Reporting.Json;

/// <summary>
/// The key names under which a cumulative incidence at a time is written: the contract gives its variance
/// (<see cref="Contract"/>: <c>estimate</c>, <c>variance</c>, as cmprsk's <c>timepoints</c>); results.json gives its
/// standard error (<c>incidence</c>, <c>std_error</c>). A null key is left out.
/// </summary>
/// <param name="Estimate">Key of the incidence.</param>
/// <param name="Variance">Key of its variance, or null.</param>
/// <param name="StdError">Key of its standard error (the square root of the variance), or null.</param>
public sealed record IncidenceKeys(string Estimate, string? Variance, string? StdError)
{
    /// <summary><c>estimate</c>, <c>variance</c>.</summary>
    public static IncidenceKeys Contract { get; } = new("estimate", "variance", null);
}
