namespace Evident.Statistics.Cox;

/// <summary>Gaussian elimination with partial pivoting for the small dense systems of the Cox kernels (R: <c>solve(a, b)</c>).</summary>
internal static class DenseSolve
{
    /// <summary>Solves A x = b for a dense row-major m×m A; A and b are not modified. Null when A is singular.</summary>
    public static double[]? Solve(ReadOnlySpan<double> matrix, int m, ReadOnlySpan<double> rhs)
    {
        var a = matrix.ToArray();
        var x = rhs.ToArray();
        for (int col = 0; col < m; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < m; r++) if (Math.Abs(a[r * m + col]) > Math.Abs(a[pivot * m + col])) pivot = r;
            if (a[pivot * m + col] == 0 || !double.IsFinite(a[pivot * m + col]))
                return null;
            if (pivot != col)
            {
                for (int c = 0; c < m; c++) (a[col * m + c], a[pivot * m + c]) = (a[pivot * m + c], a[col * m + c]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            for (int r = col + 1; r < m; r++)
            {
                double f = a[r * m + col] / a[col * m + col];
                if (f == 0) continue;
                for (int c = col; c < m; c++) a[r * m + c] -= f * a[col * m + c];
                x[r] -= f * x[col];
            }
        }
        for (int r = m - 1; r >= 0; r--)
        {
            double s = x[r];
            for (int c = r + 1; c < m; c++) s -= a[r * m + c] * x[c];
            x[r] = s / a[r * m + r];
        }
        return x;
    }
}
