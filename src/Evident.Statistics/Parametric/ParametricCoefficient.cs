namespace Evident.Statistics.Parametric;

/// <summary>One coefficient of an accelerated failure time model, as a row of <c>summary(survreg)</c>.</summary>
/// <param name="Estimate">The coefficient on the log-time scale (R: <c>Value</c>); NaN when aliased.</param>
/// <param name="StdError">Its standard error from the inverse information (R: <c>Std. Error</c>).</param>
/// <param name="Z">Estimate / StdError (R: <c>z</c>).</param>
/// <param name="PValue">Two-sided normal p-value (R: <c>p</c>).</param>
public sealed record ParametricCoefficient(double Estimate, double StdError, double Z, double PValue);
