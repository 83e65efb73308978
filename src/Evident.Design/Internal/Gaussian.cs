using MathNet.Numerics;

namespace Evident.Design.Internal;

/// <summary>Standard normal functions accurate in the far tails (erfc-based, no 1 − Φ cancellation).</summary>
internal static class Gaussian
{
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary>φ(x).</summary>
    public static double Density(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>Φ(x); 0 at −∞, 1 at +∞.</summary>
    public static double Cdf(double x) => double.IsInfinity(x) ? (x > 0 ? 1 : 0) : 0.5 * SpecialFunctions.Erfc(-x * InvSqrt2);

    /// <summary>1 − Φ(x), computed without cancellation.</summary>
    public static double UpperTail(double x) => double.IsInfinity(x) ? (x > 0 ? 0 : 1) : 0.5 * SpecialFunctions.Erfc(x * InvSqrt2);

    /// <summary>z with 1 − Φ(z) = p, i.e. Φ⁻¹(1 − p), for 0 &lt; p &lt; 1.</summary>
    public static double UpperQuantile(double p) => SpecialFunctions.ErfcInv(2 * p) / InvSqrt2;

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double p) => -UpperQuantile(p);
}
