namespace Evident.Statistics.Parametric;

/// <summary>
/// The log-likelihood of an accelerated failure time model with its score and information, on
/// θ = (intercept, β₁ … β_p, log σ₁ … log σ_S) (no log σ for the exponential), as <c>survreg6.c</c> evaluates it.
/// <para>
/// For row i in stratum s: z = (log tᵢ − ηᵢ)/σ_s with η = β₀ + xᵢ·β, and ℓᵢ = g(z) − δᵢ(log σ_s + log tᵢ), where g is
/// log f of the error for an event and log S for a censored time (the −log t is the Jacobian of the density of T,
/// which survreg includes in its log-likelihood). With x̃ = (1, x): ∂ℓ/∂β = −g′x̃/σ, ∂ℓ/∂log σ = −g′z − δ,
/// ∂²ℓ/∂β∂βᵀ = g″x̃x̃ᵀ/σ², ∂²ℓ/∂β∂log σ = x̃(g″z + g′)/σ, ∂²ℓ/∂(log σ)² = g″z² + g′z.
/// </para>
/// </summary>
internal sealed class ParametricLikelihood(
    double[] logTime, bool[] isEvent, double[] covariates, int p, int[] stratum, int strata, SurvivalDistribution distribution)
{
    /// <summary>Number of parameters: intercept, p slopes and (except for the exponential) one log σ per stratum.</summary>
    public int Count => 1 + p + (FixedScale ? 0 : strata);

    private bool FixedScale => distribution == SurvivalDistribution.Exponential;

    /// <summary>Evaluates ℓ(θ), U(θ) and I(θ) = −∂²ℓ (dense, q×q) using the first <paramref name="slopes"/> covariates.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> u, Span<double> info, int slopes)
    {
        int q = 1 + slopes + (FixedScale ? 0 : strata);
        u.Clear();
        info[..(q * q)].Clear();
        Span<double> xt = stackalloc double[1 + slopes];
        double loglik = 0;
        for (int i = 0; i < logTime.Length; i++)
        {
            int s = stratum.Length == 0 ? 0 : stratum[i];
            double logSigma = FixedScale ? 0 : theta[1 + slopes + s];
            double sigma = Math.Exp(logSigma);
            xt[0] = 1;
            for (int j = 0; j < slopes; j++) xt[1 + j] = covariates[i * p + j];
            double eta = 0;
            for (int j = 0; j < xt.Length; j++) eta += theta[j] * xt[j];
            double z = (logTime[i] - eta) / sigma;
            var (g, g1, g2) = ParametricDensity.Evaluate(distribution, z, isEvent[i]);
            double delta = isEvent[i] ? 1 : 0;
            loglik += g - delta * (logSigma + logTime[i]);
            for (int a = 0; a < xt.Length; a++)
            {
                u[a] -= g1 * xt[a] / sigma;
                for (int b = 0; b <= a; b++) info[a * q + b] -= g2 * xt[a] * xt[b] / (sigma * sigma);
            }
            if (FixedScale) continue;
            int t = 1 + slopes + s;
            u[t] += -g1 * z - delta;
            for (int a = 0; a < xt.Length; a++) info[t * q + a] -= xt[a] * (g2 * z + g1) / sigma;
            info[t * q + t] -= g2 * z * z + g1 * z;
        }
        for (int a = 0; a < q; a++)
            for (int b = 0; b < a; b++) info[b * q + a] = info[a * q + b];
        return loglik;
    }
}
