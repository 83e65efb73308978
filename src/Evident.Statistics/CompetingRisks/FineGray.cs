using Evident.Statistics.Cox;
using Evident.Statistics.Internal;

namespace Evident.Statistics.CompetingRisks;

/// <summary>
/// Fine &amp; Gray (1999) proportional subdistribution hazards regression for one cause in the presence of competing
/// risks, with the same estimates, iteration and sandwich variance as R's
/// <c>cmprsk::crr(ftime, fstatus, cov1, failcode = k, cencode = 0)</c>, but linear in n.
/// </summary>
/// <remarks>
/// <para>
/// The subdistribution hazard of cause k is modelled as λₖ(t | x) = λₖ₀(t)·exp(xβ). Subjects who failed from another
/// cause stay in the risk set after their failure with inverse-probability-of-censoring weight Ĝ(t−)/Ĝ(s−), Ĝ the
/// Kaplan–Meier estimate of the censoring distribution. β̂ maximizes the weighted log partial likelihood
/// Σ_τ [Σ_{failures at τ} xᵢβ − d_τ·log S₀(τ)] (tied failures share one risk set), by crr's Newton–Raphson: start at 0,
/// stop when max |Uⱼ|·max(|βⱼ|, 1) &lt; max(|ℓ|, 1)·gtol, halve a step (up to 20 times) until
/// −ℓ(β + s) ≤ −ℓ(β) − 10⁻⁴·sᵀU. The variance is the sandwich I⁻¹ Σᵢ(ηᵢ + ψᵢ)(ηᵢ + ψᵢ)ᵀ I⁻¹ of Fine &amp; Gray (1999,
/// §3), ψ accounting for the estimation of Ĝ.
/// </para>
/// <para>
/// Contract: <c>time</c> finite and ≥ 0 in any order; <c>cause</c> 0 = censored, k ≥ 1 = failure from cause k;
/// <c>covariates</c> row-major n×p, finite. One censoring group (crr's default <c>cengroup</c>); no time-varying
/// covariates (<c>cov2</c>). Cost: one sort, then O(n·p²) per Newton iteration and for the variance (crr is O(n²)
/// per iteration and O(n³)-like for its variance): 20,000 rows fit in milliseconds, 10⁶ rows in about a second.
/// Agrees with R cmprsk 2.2-11 to 8 significant digits or better on the mgus2 and simulated reference cases.
/// </para>
/// </remarks>
public static class FineGray
{
    /// <summary>Fits the Fine–Gray model of <paramref name="failCause"/>.</summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="cause">0 = censored, k ≥ 1 = failure from cause k.</param>
    /// <param name="failCause">The cause of interest, ≥ 1, with at least one failure (R: <c>failcode</c>).</param>
    /// <param name="covariates">Row-major n×p design matrix, finite.</param>
    /// <param name="covariateCount">p ≥ 1.</param>
    /// <param name="options">Tolerance, iteration limit, confidence level; null = crr's defaults.</param>
    /// <exception cref="ArgumentException">
    /// Empty input; lengths differ; p &lt; 1; the cause has no failures (the message lists the causes present).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A time or covariate is NaN or infinite, a time or cause is negative, an option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The information matrix is singular (a constant or collinear covariate).</exception>
    public static FineGrayFit Fit(ReadOnlySpan<double> time, ReadOnlySpan<int> cause, int failCause,
                                  ReadOnlySpan<double> covariates, int covariateCount, FineGrayOptions? options = null)
    {
        options ??= new FineGrayOptions();
        Preconditions.CheckPositive(options.Tolerance, nameof(options.Tolerance));
        if (options.MaxIterations < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxIterations, "MaxIterations must be ≥ 0.");
        Preconditions.CheckProbability(options.ConfidenceLevel, nameof(options.ConfidenceLevel));
        Preconditions.CheckNotEmpty(time.Length, nameof(time));
        Preconditions.CheckSameLength(time.Length, cause.Length, nameof(cause));
        Preconditions.CheckTimes(time, nameof(time));
        if (covariateCount < 1)
            throw new ArgumentException($"a Fine–Gray model needs at least one covariate; covariateCount = {covariateCount}.", nameof(covariateCount));
        Preconditions.CheckSameLength(time.Length * covariateCount, covariates.Length, nameof(covariates));
        for (int i = 0; i < covariates.Length; i++)
        {
            if (!double.IsFinite(covariates[i]))
                throw new ArgumentOutOfRangeException(nameof(covariates), covariates[i],
                    $"covariates[{i / covariateCount}, {i % covariateCount}] = {covariates[i]}: covariates must be finite numbers.");
        }
        int[] present = CauseCodes.Present(cause, nameof(cause));
        if (failCause < 1 || Array.BinarySearch(present, failCause) < 0)
            throw new ArgumentException(
                $"cause {failCause} has no failures in these data; the causes with failures are {CauseCodes.List(present)}.", nameof(failCause));

        int p = covariateCount;
        var riskSet = SubdistributionRiskSet.Build(time, cause, failCause, covariates, p);
        var (beta, iterations, status) = Newton(riskSet, options);

        var negativeScore = new double[p];
        var information = new double[p * p];
        double negativeLikelihood = riskSet.Evaluate(beta, negativeScore, information);
        var inverse = Inverse(information, p)
            ?? throw new InvalidOperationException("the Fine–Gray information matrix is singular: a covariate is constant or collinear with others.");
        var middle = riskSet.ScoreOuterProduct();
        var variance = Sandwich(inverse, middle, p);
        double nullLikelihood = riskSet.NegativeLogLikelihood(new double[p]);

        double z = NormalTail.CriticalValue(options.ConfidenceLevel);
        var terms = new FineGrayCoefficient[p];
        var score = new double[p];
        for (int j = 0; j < p; j++)
        {
            double b = beta[j], se = Math.Sqrt(variance[j * p + j]), w = b / se;
            terms[j] = new FineGrayCoefficient(b, se, Math.Exp(b), Math.Exp(b - z * se), Math.Exp(b + z * se), w, NormalTail.TwoSidedP(w));
            score[j] = -negativeScore[j];
        }
        var counts = riskSet.Counts();
        return new FineGrayFit
        {
            Cause = failCause,
            N = time.Length,
            Events = counts.Failures,
            CompetingEvents = counts.Competing,
            Censored = counts.Censored,
            Coefficients = Array.AsReadOnly(beta),
            Variance = new SymmetricMatrix(p, variance),
            Information = new SymmetricMatrix(p, information),
            Terms = Array.AsReadOnly(terms),
            LogLikelihood = -negativeLikelihood,
            LogLikelihoodNull = -nullLikelihood,
            Score = Array.AsReadOnly(score),
            ConfidenceLevel = options.ConfidenceLevel,
            Iterations = iterations,
            Status = status,
        };
    }

    /// <summary>crr's Newton–Raphson with its convergence test and backtracking, step for step.</summary>
    private static (double[] Beta, int Iterations, ConvergenceStatus Status) Newton(SubdistributionRiskSet riskSet, FineGrayOptions options)
    {
        int p = riskSet.P;
        var beta = new double[p];
        var next = new double[p];
        var negativeScore = new double[p];
        var information = new double[p * p];
        for (int iteration = 0; ; iteration++)
        {
            double current = riskSet.Evaluate(beta, negativeScore, information);
            if (!double.IsFinite(current))
                throw new InvalidOperationException("the Fine–Gray log-likelihood is not finite: exp(x·β) overflows; rescale the covariates.");
            double largest = 0;
            for (int j = 0; j < p; j++) largest = Math.Max(largest, Math.Abs(negativeScore[j]) * Math.Max(Math.Abs(beta[j]), 1));
            if (largest < Math.Max(Math.Abs(current), 1) * options.Tolerance) return (beta, iteration, ConvergenceStatus.Converged);
            if (iteration == options.MaxIterations) return (beta, iteration, ConvergenceStatus.MaxIterations);

            var rhs = new double[p];
            for (int j = 0; j < p; j++) rhs[j] = -negativeScore[j];
            var step = DenseSolve.Solve(information, p, rhs)
                ?? throw new InvalidOperationException("the Fine–Gray information matrix is singular: a covariate is constant or collinear with others.");
            double slope = 0;
            for (int j = 0; j < p; j++) slope += step[j] * negativeScore[j];
            int halvings = 0;
            while (true)
            {
                for (int j = 0; j < p; j++) next[j] = beta[j] + step[j];
                double trial = riskSet.NegativeLogLikelihood(next);
                if (!double.IsNaN(trial) && trial <= current + 1e-4 * slope) break;
                if (++halvings > 20) return (beta, iteration, ConvergenceStatus.StepHalvingFailed);
                for (int j = 0; j < p; j++) step[j] *= 0.5;
                slope *= 0.5;
            }
            Array.Copy(next, beta, p);
        }
    }

    private static double[]? Inverse(double[] matrix, int p)
    {
        var inverse = new double[p * p];
        var unit = new double[p];
        for (int j = 0; j < p; j++)
        {
            Array.Clear(unit);
            unit[j] = 1;
            var column = DenseSolve.Solve(matrix, p, unit);
            if (column is null) return null;
            for (int i = 0; i < p; i++) inverse[i * p + j] = column[i];
        }
        return inverse;
    }

    /// <summary>H M Hᵀ for p×p row-major H and M.</summary>
    private static double[] Sandwich(double[] h, double[] m, int p)
    {
        var hm = new double[p * p];
        for (int i = 0; i < p; i++)
            for (int k = 0; k < p; k++)
            {
                double a = h[i * p + k];
                for (int j = 0; j < p; j++) hm[i * p + j] += a * m[k * p + j];
            }
        var result = new double[p * p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
            {
                double sum = 0;
                for (int k = 0; k < p; k++) sum += hm[i * p + k] * h[j * p + k];
                result[i * p + j] = sum;
            }
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++) result[i * p + j] = result[j * p + i] = 0.5 * (result[i * p + j] + result[j * p + i]);
        return result;
    }
}
