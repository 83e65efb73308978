namespace Evident.Statistics.Cox;

/// <summary>
/// The baseline cumulative hazard of one stratum of a fitted Cox model with what its variance needs, at every distinct
/// stop time of the stratum: R's <c>survival:::agsurv</c> (with <c>agsurv5.c</c> for Efron's ties).
/// </summary>
/// <remarks>
/// <para>
/// Contract: rows are the stratum's, each at risk on (entry, stop] (entry −∞ for right-censored data); <c>risk</c> is
/// exp((x − x̄)β̂) per row with the fit's centring x̄. At each distinct stop time t with d events, risk-set sum
/// R = Σ_{entry &lt; t ≤ stop} rᵢ, event sum E = Σ_{events at t} rᵢ and the matching x-weighted sums X(t), X_E(t):
/// </para>
/// <para>
/// Breslow: dΛ = d/R, dV = d/R², dA = d·X/R². Efron (Efron 1977, d &gt; 1): with Rⱼ = R − E·j/d, j = 0 … d−1,
/// dΛ = Σⱼ 1/Rⱼ, dV = Σⱼ 1/Rⱼ², dA = Σⱼ (X − X_E·j/d)/Rⱼ². Cumulated over time: Λ₀(t), V₀(t) and A(t) (p per time).
/// For a pattern z with ρ = exp((z − x̄)β̂): Λ(t) = ρΛ₀(t), Var Λ(t) = ρ²(V₀(t) + gᵀ Var(β̂) g), g = zΛ₀(t) − A(t)
/// (Tsiatis 1981; Andersen, Borgan, Gill and Keiding 1993, §VII.2).
/// </para>
/// </remarks>
internal sealed class CoxBaselineHazard
{
    private CoxBaselineHazard(int p, int k)
    {
        Covariates = p;
        Times = new double[k];
        AtRisk = new int[k];
        Events = new int[k];
        Censored = new int[k];
        CumulativeHazard = new double[k];
        CumulativeVariance = new double[k];
        CumulativeMean = new double[k * p];
    }

    public int Covariates { get; }

    public double[] Times { get; }

    public int[] AtRisk { get; }

    public int[] Events { get; }

    public int[] Censored { get; }

    /// <summary>Λ₀ at each time.</summary>
    public double[] CumulativeHazard { get; }

    /// <summary>V₀ at each time.</summary>
    public double[] CumulativeVariance { get; }

    /// <summary>A at each time, row-major times × p.</summary>
    public double[] CumulativeMean { get; }

    /// <param name="rows">The stratum's rows.</param>
    /// <param name="entry">Entry time per row of the whole data, or empty for right-censored data.</param>
    /// <param name="stop">Stop time per row.</param>
    /// <param name="isEvent">Event indicator per row.</param>
    /// <param name="x">Row-major n × p design.</param>
    /// <param name="risk">exp((x − x̄)β̂) per row.</param>
    /// <param name="p">Number of columns.</param>
    /// <param name="ties">Efron or Breslow.</param>
    public static CoxBaselineHazard Compute(int[] rows, ReadOnlySpan<double> entry, ReadOnlySpan<double> stop, ReadOnlySpan<bool> isEvent,
                                            ReadOnlySpan<double> x, double[] risk, int p, TieMethod ties)
    {
        var byStop = (int[])rows.Clone();
        var stopKeys = new double[byStop.Length];
        for (int i = 0; i < byStop.Length; i++) stopKeys[i] = stop[byStop[i]];
        Array.Sort(stopKeys, byStop);
        int k = 0;
        for (int i = 0; i < stopKeys.Length; i++) if (i == 0 || stopKeys[i] != stopKeys[i - 1]) k++;
        var result = new CoxBaselineHazard(p, k);
        var sums = new RiskSetSums(k, p);
        result.Sweep(byStop, stopKeys, EntryOrder(rows, entry), isEvent, x, risk, sums);
        result.Accumulate(sums, ties);
        return result;
    }

    /// <summary>The rows by descending entry time, with those times; empty for right-censored data.</summary>
    private static (int[] Rows, double[] Keys) EntryOrder(int[] rows, ReadOnlySpan<double> entry)
    {
        if (entry.IsEmpty) return ([], []);
        var order = (int[])rows.Clone();
        var keys = new double[order.Length];
        for (int i = 0; i < order.Length; i++) keys[i] = -entry[order[i]];
        Array.Sort(keys, order);
        return (order, keys);
    }

    /// <summary>Running sums from the last time back: a row joins at its stop time and leaves at its entry time.</summary>
    private void Sweep(int[] byStop, double[] stopKeys, (int[] Rows, double[] Keys) byEntry, ReadOnlySpan<bool> isEvent,
                       ReadOnlySpan<double> x, double[] risk, RiskSetSums s)
    {
        int p = Covariates;
        double riskSum = 0;
        int count = 0;
        var xSum = new double[p];
        int next = byStop.Length - 1, leave = 0;
        for (int t = Times.Length - 1; t >= 0; t--)
        {
            double time = stopKeys[next];
            Times[t] = time;
            for (; next >= 0 && stopKeys[next] == time; next--)
            {
                int i = byStop[next];
                double r = risk[i];
                riskSum += r;
                count++;
                for (int j = 0; j < p; j++) xSum[j] += r * x[i * p + j];
                if (!isEvent[i]) { Censored[t]++; continue; }
                Events[t]++;
                s.EventRisk[t] += r;
                for (int j = 0; j < p; j++) s.EventX[t * p + j] += r * x[i * p + j];
            }
            for (; leave < byEntry.Rows.Length && -byEntry.Keys[leave] >= time; leave++)
            {
                int i = byEntry.Rows[leave];
                double r = risk[i];
                riskSum -= r;
                count--;
                for (int j = 0; j < p; j++) xSum[j] -= r * x[i * p + j];
            }
            AtRisk[t] = count;
            s.Risk[t] = riskSum;
            Array.Copy(xSum, 0, s.X, t * p, p);
        }
    }

    private void Accumulate(RiskSetSums s, TieMethod ties)
    {
        int p = Covariates;
        double hazard = 0, variance = 0;
        var mean = new double[p];
        for (int t = 0; t < Times.Length; t++)
        {
            int d = Events[t];
            if (d > 0)
            {
                int terms = ties == TieMethod.Efron ? d : 1;
                for (int j = 0; j < terms; j++)
                {
                    // Breslow: one term with weight d; Efron: d terms of weight 1, the tied events' risk removed by j/d.
                    double share = ties == TieMethod.Efron ? (double)j / d : 0;
                    double weight = ties == TieMethod.Efron ? 1 : d;
                    double denominator = s.Risk[t] - s.EventRisk[t] * share;
                    double inverse2 = 1 / (denominator * denominator);
                    hazard += weight / denominator;
                    variance += weight * inverse2;
                    for (int c = 0; c < p; c++) mean[c] += weight * (s.X[t * p + c] - s.EventX[t * p + c] * share) * inverse2;
                }
            }
            CumulativeHazard[t] = hazard;
            CumulativeVariance[t] = variance;
            Array.Copy(mean, 0, CumulativeMean, t * p, p);
        }
    }

    /// <summary>Per time: R, E, X (times × p) and X_E (times × p).</summary>
    private sealed class RiskSetSums(int k, int p)
    {
        public double[] Risk { get; } = new double[k];

        public double[] EventRisk { get; } = new double[k];

        public double[] X { get; } = new double[k * p];

        public double[] EventX { get; } = new double[k * p];
    }
}
