namespace Evident.Statistics.Cox;

/// <summary>
/// The generalized Cholesky (LDLᵀ) routines of R's survival package (<c>cholesky2.c</c>, <c>chsolve2.c</c>,
/// <c>chinv2.c</c>): a pivot below <c>tolerance × max diagonal</c> marks its column as aliased; the solve gives
/// that component 0 and the inverse has a zero row and column there. Matrices are dense row-major p×p.
/// </summary>
internal static class CoxCholesky
{
    /// <summary>
    /// Factors the symmetric matrix in place: strictly lower triangle = L (unit diagonal implied), diagonal = D.
    /// Returns the rank, negated when the matrix is clearly not non-negative definite.
    /// </summary>
    public static int Decompose(Span<double> m, int p, double tolerance)
    {
        double eps = 0;
        for (int i = 0; i < p; i++)
        {
            if (m[i * p + i] > eps) eps = m[i * p + i];
            for (int j = i + 1; j < p; j++) m[j * p + i] = m[i * p + j];
        }
        eps = eps == 0 ? tolerance : eps * tolerance;
        int rank = 0, sign = 1;
        for (int i = 0; i < p; i++)
        {
            double pivot = m[i * p + i];
            if (!double.IsFinite(pivot) || pivot < eps)
            {
                m[i * p + i] = 0;
                if (pivot < -8 * eps) sign = -1;
                continue;
            }
            rank++;
            for (int j = i + 1; j < p; j++)
            {
                double t = m[j * p + i] / pivot;
                m[j * p + i] = t;
                m[j * p + j] -= t * t * pivot;
                for (int k = j + 1; k < p; k++) m[k * p + j] -= t * m[k * p + i];
            }
        }
        return rank * sign;
    }

    /// <summary>Solves (LDLᵀ) y = b in place for a matrix factored by <see cref="Decompose"/>; aliased components are 0.</summary>
    public static void Solve(ReadOnlySpan<double> m, int p, Span<double> y)
    {
        for (int i = 0; i < p; i++)
        {
            double t = y[i];
            for (int j = 0; j < i; j++) t -= y[j] * m[i * p + j];
            y[i] = t;
        }
        for (int i = p - 1; i >= 0; i--)
        {
            double d = m[i * p + i];
            if (d == 0) { y[i] = 0; continue; }
            double t = y[i] / d;
            for (int j = i + 1; j < p; j++) t -= y[j] * m[j * p + i];
            y[i] = t;
        }
    }

    /// <summary>The generalized inverse of a factored matrix: the inverse on the non-aliased columns, zeros elsewhere.</summary>
    public static double[] Inverse(ReadOnlySpan<double> m, int p)
    {
        var inv = new double[p * p];
        Span<double> e = p <= 64 ? stackalloc double[p] : new double[p];
        for (int c = 0; c < p; c++)
        {
            if (m[c * p + c] == 0) continue;
            e.Clear();
            e[c] = 1;
            Solve(m, p, e);
            for (int r = 0; r < p; r++) inv[r * p + c] = m[r * p + r] == 0 ? 0 : e[r];
        }
        for (int r = 0; r < p; r++)
            for (int c = r + 1; c < p; c++)
            {
                double v = 0.5 * (inv[r * p + c] + inv[c * p + r]);
                inv[r * p + c] = v; inv[c * p + r] = v;
            }
        return inv;
    }

    /// <summary>
    /// The quadratic form <c>bᵀ A⁻¹ b</c> over the non-aliased columns of a symmetric A, as R's <c>coxph.wtest</c>
    /// computes Wald and score statistics. A and b are not modified.
    /// </summary>
    public static double QuadraticForm(ReadOnlySpan<double> a, int p, ReadOnlySpan<double> b, double tolerance)
    {
        var m = a.ToArray();
        Decompose(m, p, tolerance);
        var y = b.ToArray();
        Solve(m, p, y);
        double s = 0;
        for (int i = 0; i < p; i++) s += b[i] * y[i];
        return s;
    }
}
