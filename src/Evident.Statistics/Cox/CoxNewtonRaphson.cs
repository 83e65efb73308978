namespace Evident.Statistics.Cox;

/// <summary>
/// The Newton–Raphson driver of <c>coxfit6.c</c>, on the design's centred and scaled covariates.
/// Iteration 0 evaluates β = 0 (ℓ(0), the score test and the first step); each later iteration evaluates the
/// proposed β and either stops (<c>|1 − ℓ_best/ℓ_new| ≤ eps</c>, all finite), pulls the proposal back toward
/// the last good β when ℓ fell or went non-finite (the h-th consecutive halving moves it to
/// (new + h·old)/(h + 1)), or accepts it and proposes β + I⁻¹U.
/// </summary>
internal static class CoxNewtonRaphson
{
    internal sealed record Result(
        double[] Beta, double[] Variance, double[] Score, double LogLikelihoodNull, double LogLikelihood,
        double ScoreTest, double[] FirstStep, int Iterations, ConvergenceStatus Status);

    public static Result Run(CoxDesign design, CoxOptions options)
    {
        int p = design.P;
        var lik = new CoxLikelihood(design, options.Ties);
        var beta = new double[p];
        var newBeta = new double[p];
        var u = new double[p];
        var imat = new double[p * p];
        var chol = new double[p * p];
        var step = new double[p];

        double loglik0 = lik.Evaluate(beta, u, imat);
        if (!double.IsFinite(loglik0) || !AllFinite(imat) || !AllFinite(u))
            throw new CoxConvergenceException("The log partial likelihood or information matrix is not finite at β = 0; check the covariates for extreme values.");
        imat.CopyTo(chol, 0);
        CoxCholesky.Decompose(chol, p, options.TolerancePivot);
        u.CopyTo(step, 0);
        CoxCholesky.Solve(chol, p, step);
        double scoreTest = 0;
        for (int i = 0; i < p; i++) scoreTest += u[i] * step[i];
        var firstStep = (double[])step.Clone();

        double best = loglik0;
        for (int i = 0; i < p; i++) newBeta[i] = beta[i] + step[i];
        int halving = 0;
        for (int iter = 1; iter <= options.MaxIterations; iter++)
        {
            double newLik = lik.Evaluate(newBeta, u, imat);
            imat.CopyTo(chol, 0);
            CoxCholesky.Decompose(chol, p, options.TolerancePivot);
            bool finite = double.IsFinite(newLik) && AllFinite(u) && AllFinite(imat);
            // newLik == best also covers ℓ ≡ 0 (a single row), where R's 1 − 0/0 never converges.
            if (finite && (newLik == best || Math.Abs(1 - best / newLik) <= options.Tolerance))
            {
                return new Result(newBeta, CoxCholesky.Inverse(chol, p), (double[])u.Clone(), loglik0, newLik,
                                  scoreTest, firstStep, iter, ConvergenceStatus.Converged);
            }
            if (!finite || newLik < best)
            {
                halving++;
                for (int i = 0; i < p; i++) newBeta[i] = (newBeta[i] + halving * beta[i]) / (halving + 1.0);
            }
            else
            {
                halving = 0;
                best = newLik;
                u.CopyTo(step, 0);
                CoxCholesky.Solve(chol, p, step);
                for (int i = 0; i < p; i++) { beta[i] = newBeta[i]; newBeta[i] += step[i]; }
            }
        }

        // Out of iterations: report the last β that improved ℓ, with its own information matrix.
        double lastLik = lik.Evaluate(beta, u, imat);
        if (!AllFinite(imat))
            throw new CoxConvergenceException("The information matrix is not finite at the last accepted β; the model cannot be estimated.");
        imat.CopyTo(chol, 0);
        CoxCholesky.Decompose(chol, p, options.TolerancePivot);
        return new Result(beta, CoxCholesky.Inverse(chol, p), (double[])u.Clone(), loglik0, lastLik, scoreTest, firstStep,
                          options.MaxIterations, halving > 0 ? ConvergenceStatus.StepHalvingFailed : ConvergenceStatus.MaxIterations);
    }

    private static bool AllFinite(double[] values)
    {
        foreach (double v in values) if (!double.IsFinite(v)) return false;
        return true;
    }
}
