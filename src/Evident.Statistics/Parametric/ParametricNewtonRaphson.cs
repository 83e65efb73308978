using Evident.Statistics.Cox;

namespace Evident.Statistics.Parametric;

/// <summary>
/// The Newton–Raphson driver of <c>survreg6.c</c> on θ = (β, log σ): from a start θ, each iteration evaluates the
/// proposal and either stops (<c>|1 − ℓ_best/ℓ_new| ≤ eps</c>, all finite), halves the step back toward the last good θ
/// when ℓ fell or went non-finite, or accepts it and proposes θ + I⁻¹U. Never fails on the first evaluation.
/// </summary>
internal static class ParametricNewtonRaphson
{
    internal sealed record Result(double[] Theta, double[] Variance, double LogLikelihood, int Iterations, ConvergenceStatus Status);

    public static Result Run(ParametricLikelihood likelihood, double[] start, int slopes, ParametricOptions options)
    {
        int q = start.Length;
        var theta = (double[])start.Clone();
        var u = new double[q];
        var info = new double[q * q];
        var chol = new double[q * q];
        double best = likelihood.Evaluate(theta, u, info, slopes);
        if (!double.IsFinite(best) || !AllFinite(u) || !AllFinite(info))
            throw new ArgumentException("The log-likelihood is not finite at the starting values; check the times and covariates for extreme values.");
        var proposal = Step(theta, u, info, chol, q, options);
        int halving = 0;
        for (int iter = 1; iter <= options.MaxIterations; iter++)
        {
            double lik = likelihood.Evaluate(proposal, u, info, slopes);
            bool finite = double.IsFinite(lik) && AllFinite(u) && AllFinite(info);
            if (finite && (lik == best || Math.Abs(1 - best / lik) <= options.Tolerance))
                return new Result(proposal, Inverse(info, chol, q, options), lik, iter, ConvergenceStatus.Converged);
            if (!finite || lik < best)
            {
                halving++;
                for (int i = 0; i < q; i++) proposal[i] = (proposal[i] + theta[i]) / 2;
                continue;
            }
            halving = 0;
            best = lik;
            Array.Copy(proposal, theta, q);
            proposal = Step(theta, u, info, chol, q, options);
        }
        likelihood.Evaluate(theta, u, info, slopes);
        return new Result(theta, Inverse(info, chol, q, options), best, options.MaxIterations,
                          halving > 0 ? ConvergenceStatus.StepHalvingFailed : ConvergenceStatus.MaxIterations);
    }

    private static double[] Step(double[] theta, double[] u, double[] info, double[] chol, int q, ParametricOptions options)
    {
        info.CopyTo(chol, 0);
        CoxCholesky.Decompose(chol, q, options.TolerancePivot);
        var step = (double[])u.Clone();
        CoxCholesky.Solve(chol, q, step);
        var next = new double[q];
        for (int i = 0; i < q; i++) next[i] = theta[i] + step[i];
        return next;
    }

    private static double[] Inverse(double[] info, double[] chol, int q, ParametricOptions options)
    {
        info.CopyTo(chol, 0);
        CoxCholesky.Decompose(chol, q, options.TolerancePivot);
        return CoxCholesky.Inverse(chol, q);
    }

    private static bool AllFinite(double[] values)
    {
        foreach (double v in values) if (!double.IsFinite(v)) return false;
        return true;
    }
}
