namespace Evident.Statistics.Cox;

/// <summary>
/// A fit's relative risk exp((x − x̄)β̂), centred at the column means x̄ of its design as R's <c>coxph</c> centres
/// (<c>fit$means</c>); an aliased coefficient counts as 0, as <c>survfit.coxph</c> does.
/// </summary>
internal sealed class FittedRisk
{
    private readonly double[] beta;
    private readonly double center;

    public FittedRisk(ReadOnlySpan<double> design, int p, CoxFit fit)
    {
        int n = design.Length / p;
        beta = new double[p];
        var means = new double[p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) means[j] += design[i * p + j];
        for (int j = 0; j < p; j++)
        {
            means[j] /= n;
            double b = fit.Coefficients[j];
            beta[j] = double.IsNaN(b) ? 0 : b;
            center += means[j] * beta[j];
        }
    }

    /// <summary>Coefficients with aliased ones as 0.</summary>
    public IReadOnlyList<double> Beta => beta;

    /// <summary>exp(xβ̂ − x̄β̂) per row of a row-major design.</summary>
    public double[] Risk(ReadOnlySpan<double> rows)
    {
        int p = beta.Length, n = rows.Length / p;
        var risk = new double[n];
        for (int i = 0; i < n; i++)
        {
            double eta = -center;
            for (int j = 0; j < p; j++) eta += rows[i * p + j] * beta[j];
            risk[i] = Math.Exp(eta);
        }
        return risk;
    }
}
