using Evident.Statistics.Cox;
using Evident.Statistics.Internal;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Parametric;

/// <summary>
/// The mixture cure model (Boag 1949; Farewell 1982; Kuk and Chen 1992): a fraction of participants is cured and never
/// has the event, S(t | z, x) = 1 − p(z) + p(z)·S_u(t | x), with logistic incidence p(z) = P(not cured) =
/// 1/(1 + e^{−(γ₀ + zγ)}) and Weibull latency S_u(t | x) = exp(−(t·e^{−(β₀ + xβ)})^{1/σ}) — survreg's Weibull
/// parametrisation, log T = β₀ + xβ + σW among the not cured. What R's <c>smcure</c>/<c>flexsurvcure</c> fit; neither
/// is installable here, so the estimator is checked by simulation recovery and against a direct maximisation with R's
/// <c>optim</c> (tests/fixtures/cure).
/// </summary>
public static class MixtureCure
{
    private const int MaxIterations = 200;

    /// <summary>
    /// Fits the model by maximum likelihood.
    /// <para>
    /// Contract: right-censored rows in any order, times finite and &gt; 0; <paramref name="covariates"/> row-major n×p,
    /// no intercept, used in both parts. Start: the latency from survreg's Weibull fit to all rows, the incidence
    /// intercept from the Kaplan–Meier plateau (1 − S at the last time, within [0.05, 0.99]), other γ = 0. Then
    /// Levenberg–Marquardt-damped Newton steps on the analytic score with the observed information by central differences
    /// of it, until a full Newton step would raise the log-likelihood by at most 1e-8 (relative), then two full Newton steps
    /// (quadratic convergence; the score, not ℓ, decides there). Standard errors: the
    /// inverse observed information at the estimate.
    /// </para>
    /// Errors: empty input, mismatched lengths, no events → <see cref="ArgumentException"/>; a time that is not finite and
    /// &gt; 0 or a non-finite covariate → <see cref="ArgumentOutOfRangeException"/>. A model whose information is
    /// singular at the estimate (no plateau to identify the cure fraction, a constant covariate) reports NaN standard
    /// errors; non-convergence is reported in <see cref="MixtureCureFit.Status"/>.
    /// </summary>
    /// <param name="time">Survival times, finite and &gt; 0.</param>
    /// <param name="isEvent">True for an event.</param>
    /// <param name="covariates">Row-major n×p design, no intercept.</param>
    /// <param name="covariateCount">p ≥ 0.</param>
    public static MixtureCureFit Fit(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> covariates, int covariateCount)
    {
        int n = time.Length, p = covariateCount;
        Preconditions.CheckNotEmpty(n, nameof(time));
        Preconditions.CheckSameLength(n, isEvent.Length, nameof(isEvent));
        if (p < 0) throw new ArgumentOutOfRangeException(nameof(covariateCount), p, "covariateCount must be ≥ 0.");
        Preconditions.CheckSameLength(checked(n * p), covariates.Length, nameof(covariates));
        foreach (double t in time) if (!(t > 0) || double.IsInfinity(t)) throw new ArgumentOutOfRangeException(nameof(time), t, "times must be finite and > 0.");
        foreach (double v in covariates) Preconditions.CheckFinite(v, nameof(covariates));
        if (!isEvent.Contains(true)) throw new ArgumentException("No events: the model cannot be fitted.", nameof(isEvent));

        var likelihood = new MixtureCureLikelihood(time.ToArray(), isEvent.ToArray(), covariates.ToArray(), p);
        double[] theta = Start(time, isEvent, covariates, p);
        var (loglik, iterations, status) = Maximise(likelihood, theta);
        return Result(likelihood, theta, loglik, iterations, status, covariates, n, p, CountEvents(isEvent));
    }

    private static double[] Start(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<double> covariates, int p)
    {
        var theta = new double[2 * (p + 1) + 1];
        var weibull = ParametricRegression.Fit(time, isEvent, covariates, p, [], SurvivalDistribution.Weibull);
        for (int j = 0; j <= p; j++) theta[p + 1 + j] = double.IsNaN(weibull.Coefficients[j].Estimate) ? 0 : weibull.Coefficients[j].Estimate;
        theta[2 * (p + 1)] = Math.Log(weibull.Scales[0]);
        double plateau = KaplanMeier.Fit(time, isEvent).Steps[^1].Survival;
        double uncured = Math.Clamp(1 - plateau, 0.05, 0.99);
        theta[0] = Math.Log(uncured / (1 - uncured));
        return theta;
    }

    /// <summary>Damped Newton: solve (I(θ) + λ·diag I(θ)) δ = U(θ); λ shrinks after a step that raises ℓ and grows otherwise; returns the accepted steps.</summary>
    private static (double LogLik, int Iterations, ConvergenceStatus Status) Maximise(MixtureCureLikelihood likelihood, double[] theta)
    {
        int m = likelihood.Parameters;
        var score = new double[m];
        var trial = new double[m];
        double loglik = likelihood.Evaluate(theta, score);
        double lambda = 0;
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var info = likelihood.Information(theta);
            // Near the maximum (a full Newton step would raise ℓ by at most 1e-8 relative) ℓ can no longer tell steps
            // apart in double precision; the score still can: finish with two full Newton steps.
            var newton = DenseSolve.Solve(info, m, score);
            double decrement = newton is null ? double.NaN : score.Select((u, j) => u * newton[j]).Sum() / 2;
            if (decrement >= 0 && decrement <= 1e-8 * (Math.Abs(loglik) + 1))
            {
                for (int polish = 0; polish < 2 && newton is not null; polish++)
                {
                    for (int j = 0; j < m; j++) theta[j] += newton[j];
                    loglik = likelihood.Evaluate(theta, score);
                    newton = DenseSolve.Solve(likelihood.Information(theta), m, score);
                }
                return (loglik, iteration + 1, ConvergenceStatus.Converged);
            }
            bool accepted = false;
            for (int attempt = 0; attempt < 40 && !accepted; attempt++)
            {
                var damped = (double[])info.Clone();
                for (int j = 0; j < m; j++) damped[j * m + j] += lambda * Math.Max(Math.Abs(info[j * m + j]), 1e-8);
                var step = DenseSolve.Solve(damped, m, score);
                if (step is not null)
                {
                    for (int j = 0; j < m; j++) trial[j] = theta[j] + step[j];
                    double next = likelihood.Evaluate(trial, []);
                    if (double.IsFinite(next) && next >= loglik)
                    {
                        Array.Copy(trial, theta, m);
                        loglik = likelihood.Evaluate(theta, score);
                        lambda = lambda < 1e-6 ? 0 : lambda / 10;
                        accepted = true;
                        continue;
                    }
                }
                lambda = lambda == 0 ? 1e-4 : lambda * 10;
            }
            if (!accepted) return (loglik, iteration, ConvergenceStatus.StepHalvingFailed);
        }
        return (loglik, MaxIterations, ConvergenceStatus.MaxIterations);
    }

    private static MixtureCureFit Result(MixtureCureLikelihood likelihood, double[] theta, double loglik, int iterations, ConvergenceStatus status,
                                         ReadOnlySpan<double> covariates, int n, int p, int events)
    {
        int m = likelihood.Parameters;
        var info = likelihood.Information(theta);
        var variance = new double[m * m];
        for (int j = 0; j < m; j++)
        {
            var unit = new double[m];
            unit[j] = 1;
            var column = DenseSolve.Solve(info, m, unit);
            for (int r = 0; r < m; r++) variance[r * m + j] = column is null ? double.NaN : column[r];
        }
        ParametricCoefficient Coefficient(int j)
        {
            double se = Math.Sqrt(variance[j * m + j]);
            double z = theta[j] / se;
            return new ParametricCoefficient(theta[j], se, z, NormalTail.TwoSidedP(z));
        }
        double cured = 0;
        for (int i = 0; i < n; i++)
        {
            double eta = theta[0];
            for (int j = 0; j < p; j++) eta += theta[1 + j] * covariates[i * p + j];
            cured += 1 - 1 / (1 + Math.Exp(-eta));
        }
        return new MixtureCureFit
        {
            N = n,
            Events = events,
            Incidence = Array.AsReadOnly(Enumerable.Range(0, p + 1).Select(Coefficient).ToArray()),
            Latency = Array.AsReadOnly(Enumerable.Range(p + 1, p + 1).Select(Coefficient).ToArray()),
            LogScale = Coefficient(m - 1),
            Scale = Math.Exp(theta[m - 1]),
            MeanCureProbability = cured / n,
            Variance = new SymmetricMatrix(m, variance),
            LogLikelihood = loglik,
            Iterations = iterations,
            Status = status,
        };
    }

    private static int CountEvents(ReadOnlySpan<bool> isEvent)
    {
        int count = 0;
        foreach (bool e in isEvent) if (e) count++;
        return count;
    }
}
