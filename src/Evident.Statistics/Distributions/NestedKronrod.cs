namespace Evident.Statistics.Distributions;

/// <summary>
/// Genz's nested integral computed level by level with adaptive Gauss–Kronrod (7, 15) quadrature on the probability
/// scale: I_v = ∫_{Φ(lo_v)}^{Φ(hi_v)} I_{v+1}(y_v = Φ⁻¹(u)) du, the last level Φ(hi) − Φ(lo) in closed form. Adaptive
/// bisection finds the kinks that a singular correlation puts in the integrand (where the binding limit changes).
/// Deterministic; the error estimate is the sum of the accepted intervals' |K15 − G7| at the outer level, a bound that is
/// pessimistic for smooth integrands.
/// </summary>
internal sealed class NestedKronrod(GenzProblem problem, double tolerance)
{
    private const int MaxDepth = 40;

    private static readonly double[] Nodes =
    [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
        0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000,
    ];
    private static readonly double[] KronrodWeights =
    [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
        0.140653259715525918745189590510238, 0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ];
    private static readonly double[] GaussWeights =
    [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780, 0.381830050505118944950369775488975,
        0.417959183673469387755102040816327,
    ];

    /// <summary>Evaluations of the innermost closed form.</summary>
    public long Evaluations { get; private set; }

    /// <summary>The probability and the outer level's error estimate.</summary>
    public (double Value, double Error) Integrate()
    {
        var (lower, upper) = problem.Interval(0);
        if (problem.Dimensions == 1) { Evaluations = 1; return (upper - lower, 0); }
        double error = 0;
        double value = Adaptive(0, lower, upper, tolerance, 0, ref error);
        return (value, error);
    }

    /// <summary>The integrand of level <paramref name="v"/> at u: the inner levels' integral with y_v = Φ⁻¹(u).</summary>
    private double Inner(int v, double u)
    {
        problem.Set(v, u);
        var (lower, upper) = problem.Interval(v + 1);
        if (v + 2 == problem.Dimensions) { Evaluations++; return upper - lower; }
        if (!(upper > lower)) return 0;
        double ignored = 0;
        return Adaptive(v + 1, lower, upper, tolerance, 0, ref ignored);
    }

    private double Adaptive(int v, double a, double b, double tol, int depth, ref double error)
    {
        var (kronrod, gauss) = Rule(v, a, b);
        double difference = Math.Abs(kronrod - gauss);
        if (difference <= tol || depth >= MaxDepth || b - a < 1e-15)
        {
            error += difference;
            return kronrod;
        }
        double mid = 0.5 * (a + b);
        return Adaptive(v, a, mid, 0.5 * tol, depth + 1, ref error) + Adaptive(v, mid, b, 0.5 * tol, depth + 1, ref error);
    }

    private (double Kronrod, double Gauss) Rule(int v, double a, double b)
    {
        double center = 0.5 * (a + b), half = 0.5 * (b - a);
        double fc = Inner(v, center);
        double kronrod = fc * KronrodWeights[7], gauss = fc * GaussWeights[3];
        for (int i = 0; i < 7; i++)
        {
            double f = Inner(v, center - half * Nodes[i]) + Inner(v, center + half * Nodes[i]);
            kronrod += KronrodWeights[i] * f;
            if (i % 2 == 1) gauss += GaussWeights[i / 2] * f;
        }
        return (kronrod * half, gauss * half);
    }
}
