namespace Evident.Design.Internal;

/// <summary>Brent's (1973) bracketing root finder: inverse quadratic interpolation with bisection safeguard.</summary>
internal static class Roots
{
    /// <summary>
    /// A root of <paramref name="f"/> in [lo, hi], where f(lo) and f(hi) differ in sign (or one is 0). Converges to
    /// |x − x*| ≤ tol + 4ε|x|; if there is no sign change, the bracket is widened by doubling its width up to
    /// <paramref name="maxExpansions"/> times toward the side whose value is closer to zero.
    /// </summary>
    public static double Brent(Func<double, double> f, double lo, double hi, double tol = 1e-12, int maxExpansions = 60)
    {
        double a = lo, b = hi, fa = f(a), fb = f(b);
        for (int e = 0; Math.Sign(fa) * Math.Sign(fb) > 0; e++)
        {
            if (e == maxExpansions) throw new InvalidOperationException($"No sign change of the search function in [{a}, {b}].");
            double w = b - a;
            if (Math.Abs(fa) < Math.Abs(fb)) { a -= w; fa = f(a); }
            else { b += w; fb = f(b); }
        }
        if (fa == 0) return a;
        if (fb == 0) return b;
        double c = a, fc = fa, d = b - a, m = d;
        for (int iter = 0; iter < 200; iter++)
        {
            if (Math.Sign(fb) == Math.Sign(fc)) { c = a; fc = fa; d = b - a; m = d; }
            if (Math.Abs(fc) < Math.Abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            double tol1 = 4 * double.Epsilon + 4e-16 * Math.Abs(b) + 0.5 * tol;
            double xm = 0.5 * (c - b);
            if (Math.Abs(xm) <= tol1 || fb == 0) return b;
            if (Math.Abs(m) >= tol1 && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa, p, q;
                if (a == c) { p = 2 * xm * s; q = 1 - s; }
                else
                {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.Min(3 * xm * q - Math.Abs(tol1 * q), Math.Abs(m * q))) { m = d; d = p / q; }
                else { d = xm; m = d; }
            }
            else { d = xm; m = d; }
            a = b; fa = fb;
            b += Math.Abs(d) > tol1 ? d : (xm > 0 ? tol1 : -tol1);
            fb = f(b);
        }
        return b;
    }
}
