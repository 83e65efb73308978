using Evident.Design.Simulation;

namespace Evident.Design.Internal;

/// <summary>Gamma(shape, 1) draws by Marsaglia &amp; Tsang (2000), with the boost U<sup>1/a</sup> for shape a &lt; 1.</summary>
internal static class GammaDraw
{
    /// <summary>A draw from Gamma(<paramref name="shape"/>, rate 1), shape &gt; 0.</summary>
    public static double Next(ref ReplicateRandom rng, double shape)
    {
        if (shape < 1) return Next(ref rng, shape + 1) * Math.Pow(Uniform(ref rng), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = Normal(ref rng), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = Uniform(ref rng);
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    /// <summary>Uniform on (0, 1): never 0, so that its logarithm is finite.</summary>
    private static double Uniform(ref ReplicateRandom rng)
    {
        double u;
        do u = rng.NextUniform(); while (u == 0);
        return u;
    }

    /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
    private static double Normal(ref ReplicateRandom rng) =>
        Math.Sqrt(-2 * Math.Log(Uniform(ref rng))) * Math.Cos(2 * Math.PI * rng.NextUniform());
}
