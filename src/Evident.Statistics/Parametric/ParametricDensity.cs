using MathNet.Numerics.Distributions;

namespace Evident.Statistics.Parametric;

/// <summary>
/// log f(z) (an observed event) or log S(z) (a right-censored time) of the standardized error W = (log t − η)/σ, with
/// its first and second derivatives in z: the per-distribution part of <c>survreg6.c</c>'s <c>survregc1</c>.
/// </summary>
internal static class ParametricDensity
{
    private static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>(g, g′, g″) at <paramref name="z"/>, g = log f for an event and log S when censored.</summary>
    public static (double G, double G1, double G2) Evaluate(SurvivalDistribution distribution, double z, bool isEvent)
    {
        switch (distribution)
        {
            case SurvivalDistribution.LogNormal:
            {
                if (isEvent) return (-0.5 * z * z - LogSqrt2Pi, -z, -1);
                // log S = log Φ(−z); h = φ(z)/Φ(−z) (the inverse Mills ratio).
                double tail = Normal.CDF(0, 1, -z);
                double h = Math.Exp(-0.5 * z * z - LogSqrt2Pi) / tail;
                return (Math.Log(tail), -h, -h * (h - z));
            }
            case SurvivalDistribution.LogLogistic:
            {
                // F = e^z/(1 + e^z); log(1 + e^z) computed without overflow.
                double f = 1 / (1 + Math.Exp(-z));
                double log1pez = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
                return isEvent
                    ? (z - 2 * log1pez, 1 - 2 * f, -2 * f * (1 - f))
                    : (-log1pez, -f, -f * (1 - f));
            }
            default:
            {
                // Extreme value: f = exp(z − e^z), S = exp(−e^z).
                double ez = Math.Exp(z);
                return isEvent ? (z - ez, 1 - ez, -ez) : (-ez, -ez, -ez);
            }
        }
    }
}
