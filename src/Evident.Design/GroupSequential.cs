using Evident.Design.Internal;

namespace Evident.Design;

/// <summary>
/// Group-sequential boundaries by the error-spending approach (Lan &amp; DeMets 1983) and boundary-crossing
/// probabilities of the canonical joint distribution (Armitage, McPherson &amp; Rowe 1969; Jennison &amp; Turnbull
/// 2000, ch. 19). Equivalent to rpact 3.3 <c>getDesignGroupSequential</c> for alpha-spending designs
/// (<c>asOF</c>, <c>asP</c>, <c>asHSD</c>, <c>asKD</c>) with optional beta-spending futility bounds, and to
/// <c>getDesignCharacteristics</c> for the inflation factor.
/// </summary>
/// <remarks>
/// Canonical model: Z<sub>k</sub>√t<sub>k</sub> has independent increments N(δΔt<sub>k</sub>, Δt<sub>k</sub>), so
/// E[Z<sub>k</sub>] = δ√t<sub>k</sub> and corr(Z<sub>j</sub>, Z<sub>k</sub>) = √(t<sub>j</sub>/t<sub>k</sub>).
/// Probabilities are integrated stage by stage on the Jennison–Turnbull grid (≈ 770 points per stage, Simpson's
/// rule), accurate to about 1e-9 absolute; bounds are solved with Brent's method to 1e-12 on the Z scale.
/// Cost: O(K·m²) per design, O((K·m²)·iterations) with beta spending — milliseconds.
/// </remarks>
public static class GroupSequential
{
    private const double SolveTolerance = 1e-12;

    /// <summary>
    /// Computes the efficacy bounds c<sub>k</sub> so that the cumulative type I error by look k equals α(t<sub>k</sub>),
    /// optional beta-spending futility bounds, and the design characteristics.
    /// </summary>
    /// <remarks>
    /// Efficacy: c<sub>1</sub> = z<sub>1−α(t₁)/s</sub>; for k ≥ 2, c<sub>k</sub> solves
    /// P<sub>0</sub>(first crossing at k) = α(t<sub>k</sub>) − α spent before k (two-sided: symmetric ±c<sub>k</sub>).
    /// The final target is α exactly. Futility (one-sided, rpact's beta-spending approach): for a trial drift δ the
    /// futility bound l<sub>k</sub> solves P<sub>δ</sub>(first stop for futility at k) = β(t<sub>k</sub>) − β spent before k
    /// (l<sub>1</sub> = Φ⁻¹(β(t₁)) + δ√t₁), and δ is chosen so that l<sub>K</sub> = c<sub>K</sub>, i.e. power = 1 − β.
    /// Non-binding: c<sub>k</sub> ignore the futility bounds; binding: c<sub>k</sub> and l<sub>k</sub> are solved jointly.
    /// A futility bound that would exceed the efficacy bound at an interim look is set equal to it.
    /// </remarks>
    /// <param name="options">1 ≤ looks ≤ 50; α in (0, 0.5), open; β in (0, 1 − α); information strictly increasing in (0, 1] ending at 1.</param>
    /// <exception cref="DesignInputException">Invalid options, naming the option and value (an <see cref="ArgumentException"/>).</exception>
    public static GroupSequentialDesign Create(GroupSequentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CreateChecked(options, CheckedInformation(options));
    }

    /// <summary>
    /// Checks <paramref name="options"/> as <see cref="Create"/> does, without computing the design: α in
    /// <see cref="DesignLimits.Alpha"/>, looks in <see cref="DesignLimits.Looks"/>, β in <see cref="DesignLimits.Beta"/>,
    /// one information fraction per look (strictly increasing in (0, 1], the last 1), beta spending only one-sided.
    /// </summary>
    /// <param name="options">The design inputs.</param>
    /// <exception cref="DesignInputException">The first invalid option, naming it and its value.</exception>
    public static void Validate(GroupSequentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckedInformation(options);
    }

    /// <summary>The checks of <see cref="Validate"/>; returns the information fractions (equally spaced when not given).</summary>
    private static double[] CheckedInformation(GroupSequentialOptions options)
    {
        Checks.Within(options.Alpha, DesignLimits.Alpha, "Alpha",
            $"the type I error rate must lie strictly between {DesignInputException.Text(DesignLimits.Alpha.Lower)} and {DesignInputException.Text(DesignLimits.Alpha.Upper)}.");
        int looks = options.Looks;
        string looksText = looks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (looks < DesignLimits.Looks.Lower) throw new DesignInputException("Looks", looksText, "a design needs at least one look.");
        if (looks > DesignLimits.Looks.Upper) throw new DesignInputException("Looks", looksText, $"at most {DesignInputException.Text(DesignLimits.Looks.Upper)} looks are supported.");
        Checks.Within(options.Beta, DesignLimits.Beta(options.Alpha), "Beta", "the type II error rate must lie strictly between 0 and 1 − alpha.");
        ArgumentNullException.ThrowIfNull(options.Spending, "Spending");
        double[] t = options.Information is null ? EquallySpaced(looks) : Checks.InformationRates(options.Information, looks, "Information");
        if (options.BetaSpending is { } betaSpending && options.TwoSided)
            throw new DesignInputException("BetaSpending", betaSpending.ToString(), "beta-spending futility bounds are available for one-sided designs only (as in rpact 3.3).");
        return t;
    }

    private static GroupSequentialDesign CreateChecked(GroupSequentialOptions options, double[] t)
    {
        int looks = options.Looks;
        bool twoSided = options.TwoSided;
        var betaSpending = options.BetaSpending;
        if (betaSpending is not null && looks == 1) betaSpending = null;
        bool binding = options.BindingFutility && betaSpending is not null;
        double alpha = options.Alpha, beta = options.Beta;

        double[] alphaTarget = SpendingTargets(options.Spending, alpha, t, twoSided);
        double[] critical;
        double[]? futility = null;
        if (betaSpending is null)
        {
            critical = EfficacyBounds(t, alphaTarget, twoSided, null);
        }
        else
        {
            double[] betaTarget = SpendingTargets(betaSpending, beta, t, false);
            var search = new BetaSpendingSearch(t, alphaTarget, betaTarget, binding,
                binding ? null : EfficacyBounds(t, alphaTarget, false, null));
            Roots.Brent(search.PowerGap, 0, 2 * (Gaussian.UpperQuantile(alpha) + Gaussian.UpperQuantile(beta)), SolveTolerance);
            critical = search.Critical;
            futility = search.Futility;
        }

        // H0 crossing: alpha spent (futility counts only when binding).
        double[] lowerH0 = new double[looks];
        for (int k = 0; k < looks; k++)
            lowerH0[k] = twoSided ? -critical[k] : binding && k < looks - 1 ? futility![k] : double.NegativeInfinity;
        var h0 = Crossing(t, critical, lowerH0, 0);
        var alphaSpent = new double[looks];
        double cumulative = 0;
        for (int k = 0; k < looks; k++) alphaSpent[k] = cumulative += h0.Upper[k] + (twoSided ? h0.Lower[k] : 0);

        // Design characteristics under H1 (futility bounds count, binding or not) and H0 (with futility bounds).
        double[] lowerH1 = new double[looks];
        for (int k = 0; k < looks; k++)
            lowerH1[k] = twoSided ? -critical[k] : futility is not null && k < looks - 1 ? futility[k] : double.NegativeInfinity;
        double zAlpha = Gaussian.UpperQuantile(twoSided ? alpha / 2 : alpha), zBeta = Gaussian.UpperQuantile(beta);
        double fixedDrift = zAlpha + zBeta;
        double drift = looks == 1
            ? fixedDrift
            : Roots.Brent(d => Crossing(t, critical, lowerH1, d).TotalUpper - (1 - beta), 0, 2 * fixedDrift, SolveTolerance);
        var h1 = Crossing(t, critical, lowerH1, drift);
        var h0WithFutility = futility is null || binding ? h0 : Crossing(t, critical, lowerH1, 0);
        double inflation = looks == 1 ? 1 : drift * drift / (fixedDrift * fixedDrift);

        var power = new double[looks];
        cumulative = 0;
        for (int k = 0; k < looks; k++) power[k] = cumulative += h1.Upper[k];
        var futilityH1 = new double[looks - 1];
        var stopH0 = new double[looks - 1];
        double lostH1 = 0, lostH0 = 0;
        for (int k = 0; k < looks - 1; k++)
        {
            futilityH1[k] = twoSided ? 0 : h1.Lower[k];
            stopH0[k] = h0WithFutility.Upper[k] + h0WithFutility.Lower[k];
            lostH1 += (h1.Upper[k] + h1.Lower[k]) * (1 - t[k]);
            lostH0 += stopH0[k] * (1 - t[k]);
        }

        double[]? betaSpent = null;
        if (futility is not null)
        {
            var lowerBeta = (double[])lowerH1.Clone();
            lowerBeta[^1] = critical[^1];
            var hb = Crossing(t, critical, lowerBeta, drift);
            betaSpent = new double[looks];
            cumulative = 0;
            for (int k = 0; k < looks; k++) betaSpent[k] = cumulative += hb.Lower[k];
        }

        var nominal = new double[looks];
        for (int k = 0; k < looks; k++) nominal[k] = Gaussian.UpperTail(critical[k]);

        return new GroupSequentialDesign
        {
            Looks = looks,
            Alpha = alpha,
            Beta = beta,
            TwoSided = twoSided,
            BindingFutility = binding,
            Spending = options.Spending,
            BetaSpending = betaSpending,
            Information = Array.AsReadOnly(t),
            CriticalValues = Array.AsReadOnly(critical),
            AlphaSpent = Array.AsReadOnly(alphaSpent),
            NominalP = Array.AsReadOnly(nominal),
            FutilityBounds = futility is null ? null : Array.AsReadOnly(futility[..^1]),
            BetaSpent = betaSpent is null ? null : Array.AsReadOnly(betaSpent),
            Drift = drift,
            InflationFactor = inflation,
            PowerH1 = Array.AsReadOnly(power),
            RejectionProbabilitiesH1 = h1.Upper,
            FutilityProbabilitiesH1 = Array.AsReadOnly(futilityH1),
            StoppingProbabilitiesH0 = Array.AsReadOnly(stopH0),
            ExpectedInformationH0 = inflation * (1 - lostH0),
            ExpectedInformationH1 = inflation * (1 - lostH1),
        };
    }

    /// <summary>
    /// Stage-wise probabilities of first crossing the upper bound: P<sub>δ</sub>(a<sub>j</sub> &lt; Z<sub>j</sub> &lt; b<sub>j</sub>
    /// for j &lt; k, Z<sub>k</sub> ≥ b<sub>k</sub>). Sum them for the overall exceedance probability.
    /// See <see cref="BoundaryCrossing"/> for arguments.
    /// </summary>
    public static IReadOnlyList<double> CrossingProbabilities(
        IReadOnlyList<double> information, IReadOnlyList<double> upper, IReadOnlyList<double> lower, double drift) =>
        BoundaryCrossing(information, upper, lower, drift).Upper;

    /// <summary>
    /// Stage-wise probabilities of first crossing the upper and the lower bound under drift δ, where
    /// E[Z<sub>k</sub>] = δ√t<sub>k</sub> and cov(Z<sub>j</sub>, Z<sub>k</sub>) = √(t<sub>j</sub>/t<sub>k</sub>), j ≤ k
    /// (Armitage, McPherson &amp; Rowe 1969). rpact: <c>getGroupSequentialProbabilities</c> (rpact truncates at −6 and 8;
    /// this does not). Accurate to about 1e-9 absolute (checked against Sheppard's orthant formula).
    /// </summary>
    /// <param name="information">Information t<sub>k</sub> &gt; 0, strictly increasing, any scale (fractions or absolute; δ is per unit √information).</param>
    /// <param name="upper">Upper bounds b<sub>k</sub> on the Z scale; +∞ = no upper stopping at that look.</param>
    /// <param name="lower">Lower bounds a<sub>k</sub> ≤ b<sub>k</sub>; −∞ = no lower stopping.</param>
    /// <param name="drift">δ, finite; 0 gives probabilities under H0.</param>
    /// <exception cref="ArgumentException">Lengths differ or are 0, NaN anywhere, information not increasing, a<sub>k</sub> &gt; b<sub>k</sub>.</exception>
    public static BoundaryCrossingProbabilities BoundaryCrossing(
        IReadOnlyList<double> information, IReadOnlyList<double> upper, IReadOnlyList<double> lower, double drift)
    {
        ArgumentNullException.ThrowIfNull(information);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(lower);
        int looks = information.Count;
        if (looks == 0) throw new ArgumentException("information is empty: at least one look is needed.", nameof(information));
        if (upper.Count != looks) throw new ArgumentException($"upper has {upper.Count} values; expected {looks}.", nameof(upper));
        if (lower.Count != looks) throw new ArgumentException($"lower has {lower.Count} values; expected {looks}.", nameof(lower));
        if (!double.IsFinite(drift)) throw new ArgumentException($"drift = {drift}: must be a finite number.", nameof(drift));
        var t = new double[looks];
        var b = new double[looks];
        var a = new double[looks];
        for (int k = 0; k < looks; k++)
        {
            t[k] = information[k];
            if (!(t[k] > 0) || double.IsPositiveInfinity(t[k]))
                throw new ArgumentException($"information[{k}] = {t[k]}: must be a positive finite number.", nameof(information));
            if (k > 0 && !(t[k] > t[k - 1]))
                throw new ArgumentException($"information[{k}] = {t[k]} is not greater than information[{k - 1}] = {t[k - 1]}.", nameof(information));
            b[k] = upper[k];
            a[k] = lower[k];
            if (double.IsNaN(b[k])) throw new ArgumentException($"upper[{k}] is NaN.", nameof(upper));
            if (double.IsNaN(a[k])) throw new ArgumentException($"lower[{k}] is NaN.", nameof(lower));
            if (a[k] > b[k]) throw new ArgumentException($"lower[{k}] = {a[k]} exceeds upper[{k}] = {b[k]}.", nameof(lower));
        }
        return Crossing(t, b, a, drift);
    }

    internal static BoundaryCrossingProbabilities Crossing(double[] t, double[] upper, double[] lower, double drift)
    {
        var integrator = new SequentialIntegrator(t, drift);
        var up = new double[t.Length];
        var low = new double[t.Length];
        for (int k = 0; k < t.Length; k++)
        {
            up[k] = integrator.Upper(upper[k]);
            low[k] = integrator.Lower(lower[k]);
            if (k < t.Length - 1) integrator.Advance(lower[k], upper[k]);
        }
        return new BoundaryCrossingProbabilities(Array.AsReadOnly(up), Array.AsReadOnly(low));
    }

    private static double[] EquallySpaced(int looks)
    {
        var t = new double[looks];
        for (int k = 0; k < looks; k++) t[k] = (k + 1.0) / looks;
        return t;
    }

    /// <summary>α(t<sub>k</sub>) for each look; the last is the total exactly.</summary>
    private static double[] SpendingTargets(SpendingFunction spending, double total, double[] t, bool twoSided)
    {
        var target = new double[t.Length];
        for (int k = 0; k < t.Length; k++) target[k] = twoSided ? spending.SpentTwoSided(total, t[k]) : spending.Spent(total, t[k]);
        target[^1] = total;
        return target;
    }

    /// <summary>
    /// The efficacy bounds of the first <paramref name="count"/> looks of the efficacy-only design (no futility) with
    /// <paramref name="spending"/> at level <paramref name="alpha"/> ∈ (0, 0.5] and fractions <paramref name="t"/>: exactly
    /// the first <paramref name="count"/> of <see cref="GroupSequentialDesign.CriticalValues"/> of that design (the bounds
    /// are solved look by look and a bound depends only on the looks before it), without the drift search, power and
    /// the later looks that <see cref="Create"/> also computes. For the repeated p-value search, which needs one bound for
    /// many α.
    /// </summary>
    internal static double[] LeadingEfficacyBounds(SpendingFunction spending, double alpha, double[] t, int count, bool twoSided)
    {
        if (!(alpha > 0 && alpha <= 0.5))
            throw new DesignInputException("Alpha", DesignInputException.Text(alpha), "the type I error rate must lie in (0, 0.5].");
        double[] targets = SpendingTargets(spending, alpha, t, twoSided);
        return EfficacyBounds(t[..count], targets[..count], twoSided, null);
    }

    /// <summary>Efficacy bounds under H0, look by look; <paramref name="lower"/> = binding lower bounds or null.</summary>
    private static double[] EfficacyBounds(double[] t, double[] alphaTarget, bool twoSided, double[]? lower)
    {
        var integrator = new SequentialIntegrator(t, 0);
        var critical = new double[t.Length];
        double spent = 0;
        for (int k = 0; k < t.Length; k++)
        {
            critical[k] = EfficacyBound(integrator, alphaTarget[k] - spent, twoSided);
            spent += integrator.Upper(critical[k]) + (twoSided ? integrator.Lower(-critical[k]) : 0);
            if (k < t.Length - 1)
                integrator.Advance(twoSided ? -critical[k] : lower?[k] ?? double.NegativeInfinity, critical[k]);
        }
        return critical;
    }

    /// <summary>The bound c with P(first crossing at this look) = <paramref name="increment"/>.</summary>
    internal static double EfficacyBound(SequentialIntegrator h0, double increment, bool twoSided)
    {
        if (!(increment > 0)) return double.PositiveInfinity;
        if (h0.Stage == 0) return Gaussian.UpperQuantile(twoSided ? increment / 2 : increment);
        // Binding futility can leave less continuing mass than the increment (only for drifts far from the
        // solution during the beta-spending search): then every continuing path is stopped for efficacy.
        if (!twoSided && h0.Upper(double.NegativeInfinity) <= increment) return double.NegativeInfinity;
        return twoSided
            ? Roots.Brent(c => h0.Upper(c) + h0.Lower(-c) - increment, 1e-6, 8, SolveTolerance)
            : Roots.Brent(c => h0.Upper(c) - increment, 0, 8, SolveTolerance);
    }

    /// <summary>
    /// rpact's beta-spending search: for a trial drift δ, compute the futility bounds (and, when binding, the efficacy
    /// bounds) look by look; <see cref="PowerGap"/>(δ) = power − (1 − β) is zero exactly when l<sub>K</sub> = c<sub>K</sub>.
    /// </summary>
    private sealed class BetaSpendingSearch(double[] t, double[] alphaTarget, double[] betaTarget, bool binding, double[]? fixedCritical)
    {
        public double[] Critical { get; } = fixedCritical is null ? new double[t.Length] : (double[])fixedCritical.Clone();

        public double[] Futility { get; } = new double[t.Length];

        public double PowerGap(double drift)
        {
            int looks = t.Length;
            var h1 = new SequentialIntegrator(t, drift);
            var h0 = binding ? new SequentialIntegrator(t, 0) : null;
            double alphaSpent = 0, betaSpent = 0, power = 0;
            for (int k = 0; k < looks; k++)
            {
                if (h0 is not null)
                {
                    Critical[k] = EfficacyBound(h0, alphaTarget[k] - alphaSpent, false);
                    alphaSpent += h0.Upper(Critical[k]);
                }
                double c = Critical[k];
                power += h1.Upper(c);
                if (k == looks - 1)
                {
                    Futility[k] = c;
                    betaSpent += h1.Lower(c);
                    break;
                }
                double l = FutilityBound(h1, betaTarget[k] - betaSpent, drift * Math.Sqrt(t[k]), c);
                Futility[k] = l;
                betaSpent += h1.Lower(l);
                h1.Advance(l, c);
                h0?.Advance(l, c);
            }
            return power - (1 - betaTarget[^1]);
        }

        private static double FutilityBound(SequentialIntegrator h1, double increment, double mean, double critical)
        {
            if (!(increment > 0)) return double.NegativeInfinity;
            if (h1.Stage == 0) return Math.Min(critical, mean + Gaussian.Quantile(increment));
            if (h1.Lower(critical) <= increment) return critical;
            double lo = Math.Min(critical, mean) - 12;
            return Roots.Brent(l => h1.Lower(l) - increment, lo, critical, SolveTolerance);
        }
    }
}
