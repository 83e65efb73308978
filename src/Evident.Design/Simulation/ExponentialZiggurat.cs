using System.Runtime.CompilerServices;

namespace Evident.Design.Simulation;

/// <summary>
/// Standard exponential variates by the ziggurat method (Marsaglia &amp; Tsang 2000, 256 layers), with 53-bit
/// resolution: about 99% of draws cost one 64-bit random word, a table lookup and a multiply — no logarithm.
/// </summary>
/// <remarks>Exact: rejection makes the output Exp(1) distributed; the tail layer is sampled as r − log(U).</remarks>
internal static class ExponentialZiggurat
{
    private const double R = 7.69711747013104972;     // right edge of the base layer
    private const double V = 3.949659822581572e-3;    // area of each layer
    private const double Scale = 9007199254740992.0;  // 2^53

    private static readonly ulong[] K = new ulong[256];
    private static readonly double[] W = new double[256];
    private static readonly double[] F = new double[256];

    static ExponentialZiggurat()
    {
        double d = R, t = R;
        double q = V / Math.Exp(-d);
        K[0] = (ulong)(d / q * Scale);
        K[1] = 0;
        W[0] = q / Scale;
        W[255] = d / Scale;
        F[0] = 1;
        F[255] = Math.Exp(-d);
        for (int i = 254; i >= 1; i--)
        {
            d = -Math.Log(V / d + Math.Exp(-d));
            K[i + 1] = (ulong)(d / t * Scale);
            t = d;
            F[i] = Math.Exp(-d);
            W[i] = d / Scale;
        }
    }

    /// <summary>One Exp(1) draw from <paramref name="rng"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(ref ReplicateRandom rng)
    {
        ulong bits = rng.NextBits();
        ulong j = bits >> 11;          // 53 bits
        int i = (int)(bits & 255);     // layer, from the 8 low bits (disjoint from j)
        if (j < K[i]) return j * W[i];
        return Slow(ref rng, j, i);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Slow(ref ReplicateRandom rng, ulong j, int i)
    {
        while (true)
        {
            if (i == 0) return R - Math.Log(1.0 - rng.NextUniform());
            double x = j * W[i];
            if (F[i] + rng.NextUniform() * (F[i - 1] - F[i]) < Math.Exp(-x)) return x;
            ulong bits = rng.NextBits();
            j = bits >> 11;
            i = (int)(bits & 255);
            if (j < K[i]) return j * W[i];
        }
    }
}
