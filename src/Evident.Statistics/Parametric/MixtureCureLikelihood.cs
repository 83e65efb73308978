namespace Evident.Statistics.Parametric;

/// <summary>
/// Log-likelihood and score of the mixture cure model with logistic incidence and Weibull latency (see
/// <see cref="MixtureCure"/>), at θ = (γ₀, γ, β₀, β, log σ), the same p covariates in both parts.
/// </summary>
/// <remarks>
/// With pᵢ = 1/(1 + e^{−zᵢγ}) (uncured), wᵢ = (log tᵢ − xᵢβ)/σ and Sᵢ = exp(−e^{wᵢ}) (Weibull as survreg's extreme-value AFT):
/// an event adds log pᵢ + wᵢ − e^{wᵢ} − log σ − log tᵢ; a censored time adds log(1 − pᵢ + pᵢSᵢ).
/// </remarks>
internal sealed class MixtureCureLikelihood(double[] time, bool[] isEvent, double[] x, int p)
{
    public int Parameters => 2 * (p + 1) + 1;

    /// <summary>ℓ(θ), and its gradient into <paramref name="score"/> when given.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> score)
    {
        int k = p + 1;
        double sigma = Math.Exp(theta[2 * k]);
        bool withScore = !score.IsEmpty;
        if (withScore) score.Clear();
        double total = 0;
        for (int i = 0; i < time.Length; i++)
        {
            double eta = theta[0], mu = theta[k];
            for (int j = 0; j < p; j++)
            {
                double xij = x[i * p + j];
                eta += theta[1 + j] * xij;
                mu += theta[k + 1 + j] * xij;
            }
            double uncured = 1 / (1 + Math.Exp(-eta));
            double logT = Math.Log(time[i]);
            double w = (logT - mu) / sigma, ew = Math.Exp(w);
            double dEta, dW, dLogSigma;
            if (isEvent[i])
            {
                total += LogUncured(eta) + w - ew - Math.Log(sigma) - logT;
                (dEta, dW, dLogSigma) = (1 - uncured, 1 - ew, -1);
            }
            else
            {
                double s = Math.Exp(-ew);
                double d = 1 - uncured + uncured * s;
                total += Math.Log(d);
                (dEta, dW, dLogSigma) = (uncured * (1 - uncured) * (s - 1) / d, -uncured * s * ew / d, 0);
            }
            if (!withScore) continue;
            // ∂w/∂μ = −1/σ, ∂w/∂log σ = −w.
            score[0] += dEta;
            score[k] -= dW / sigma;
            for (int j = 0; j < p; j++)
            {
                double xij = x[i * p + j];
                score[1 + j] += dEta * xij;
                score[k + 1 + j] -= dW / sigma * xij;
            }
            score[2 * k] += dLogSigma - dW * w;
        }
        return total;
    }

    /// <summary>log(1/(1 + e^{−η})) without overflow.</summary>
    private static double LogUncured(double eta) => eta >= 0 ? -double.LogP1(Math.Exp(-eta)) : eta - double.LogP1(Math.Exp(eta));

    /// <summary>The observed information −∂²ℓ/∂θ² by central differences of the score (symmetrised).</summary>
    public double[] Information(double[] theta)
    {
        int m = Parameters;
        var info = new double[m * m];
        var plus = new double[m];
        var minus = new double[m];
        var at = (double[])theta.Clone();
        for (int j = 0; j < m; j++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(theta[j]));
            at[j] = theta[j] + h;
            Evaluate(at, plus);
            at[j] = theta[j] - h;
            Evaluate(at, minus);
            at[j] = theta[j];
            for (int r = 0; r < m; r++) info[r * m + j] = -(plus[r] - minus[r]) / (2 * h);
        }
        for (int r = 0; r < m; r++)
            for (int c = r + 1; c < m; c++) info[r * m + c] = info[c * m + r] = (info[r * m + c] + info[c * m + r]) / 2;
        return info;
    }
}
