using System.Globalization;
using Evident.Design.Internal;

namespace Evident.Design;

/// <summary>
/// An error-spending function α(t) (Lan &amp; DeMets 1983): the cumulative type I (or type II) error allowed to be spent
/// by information fraction t, with α(0) = 0 and α(1) = the total. Immutable; compare by value.
/// </summary>
/// <remarks>
/// The four families of rpact 3.3 (<c>getDesignGroupSequential(typeOfDesign = "asOF" | "asP" | "asHSD" | "asKD")</c>,
/// and the matching <c>typeBetaSpending = "bsOF" | "bsP" | "bsHSD" | "bsKD"</c>). Use <see cref="Parse"/> for the
/// command-line spelling: <c>obrien-fleming</c>, <c>pocock</c>, <c>hsd:γ</c>, <c>power:ρ</c>.
/// </remarks>
public abstract record SpendingFunction
{
    private protected SpendingFunction() { }

    /// <summary>
    /// O'Brien–Fleming type (Lan &amp; DeMets 1983): α(t) = 2 − 2Φ(z<sub>1−α/2</sub>/√t) for a one-sided total α.
    /// rpact: <c>typeOfDesign = "asOF"</c>, <c>typeBetaSpending = "bsOF"</c>. For two-sided designs rpact uses
    /// 4 − 4Φ(z<sub>1−α/4</sub>/√t) (see <see cref="SpentTwoSided"/>).
    /// </summary>
    public static SpendingFunction OBrienFleming { get; } = new OBrienFlemingSpending();

    /// <summary>Pocock type (Lan &amp; DeMets 1983): α(t) = α·log(1 + (e − 1)t). rpact: <c>"asP"</c> / <c>"bsP"</c>.</summary>
    public static SpendingFunction Pocock { get; } = new PocockSpending();

    /// <summary>
    /// Hwang, Shih &amp; DeCani (1990) family: α(t) = α(1 − e<sup>−γt</sup>)/(1 − e<sup>−γ</sup>), and α·t for γ = 0.
    /// γ = −4 resembles O'Brien–Fleming, γ = 1 resembles Pocock. rpact: <c>"asHSD"</c> with <c>gammaA = γ</c>
    /// (rpact accepts −10 ≤ γ ≤ 5).
    /// </summary>
    /// <param name="gamma">Shape γ, any finite number.</param>
    /// <exception cref="ArgumentException">γ is NaN or infinite.</exception>
    public static SpendingFunction HwangShihDeCani(double gamma)
    {
        if (!double.IsFinite(gamma)) throw new ArgumentException($"The Hwang–Shih–DeCani parameter gamma must be a finite number; got {gamma}.", nameof(gamma));
        return new HwangShihDeCaniSpending(gamma);
    }

    /// <summary>
    /// Kim &amp; DeMets (1987) power family: α(t) = α·t<sup>ρ</sup>. ρ = 3 resembles O'Brien–Fleming, ρ = 1 Pocock.
    /// rpact: <c>"asKD"</c> with <c>gammaA = ρ</c> (rpact accepts 0.4 ≤ ρ ≤ 8).
    /// </summary>
    /// <param name="rho">Exponent ρ &gt; 0, finite.</param>
    /// <exception cref="ArgumentException">ρ is not a positive finite number.</exception>
    public static SpendingFunction Power(double rho)
    {
        if (!(rho > 0) || !double.IsFinite(rho)) throw new ArgumentException($"The power (Kim–DeMets) exponent rho must be a positive finite number; got {rho}.", nameof(rho));
        return new PowerSpending(rho);
    }

    /// <summary>
    /// Parses <c>obrien-fleming</c> (also <c>of</c>), <c>pocock</c> (also <c>p</c>), <c>hsd:γ</c> or <c>power:ρ</c>
    /// (also <c>kd:ρ</c>); case-insensitive, numbers in invariant culture. <see cref="ToString"/> gives this spelling back.
    /// </summary>
    /// <exception cref="ArgumentException">The text names no known spending function or its parameter is invalid.</exception>
    public static SpendingFunction Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = text.Trim().ToLowerInvariant();
        switch (s)
        {
            case "obrien-fleming" or "of" or "obf": return OBrienFleming;
            case "pocock" or "p": return Pocock;
        }
        int colon = s.IndexOf(':');
        if (colon > 0)
        {
            string name = s[..colon], arg = s[(colon + 1)..];
            if (!double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                throw new ArgumentException($"Spending function '{text}': '{arg}' is not a number.", nameof(text));
            switch (name)
            {
                case "hsd": return HwangShihDeCani(value);
                case "power" or "kd": return Power(value);
            }
        }
        throw new ArgumentException(
            $"Unknown spending function '{text}'. Use 'obrien-fleming', 'pocock', 'hsd:<gamma>' (e.g. hsd:-4) or 'power:<rho>' (e.g. power:3).",
            nameof(text));
    }

    /// <summary>Cumulative error spent by information fraction <paramref name="t"/> for a one-sided total.</summary>
    /// <param name="total">Total error to spend, 0 &lt; total &lt; 1.</param>
    /// <param name="t">Information fraction, 0 ≤ t ≤ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public double Spent(double total, double t)
    {
        Check(total, t);
        return t == 0 ? 0 : SpentCore(total, t);
    }

    /// <summary>
    /// Cumulative error spent by <paramref name="t"/> when <paramref name="total"/> is a two-sided level, as rpact
    /// computes it for <c>sided = 2</c>. Equal to <see cref="Spent"/> except for O'Brien–Fleming, where rpact uses
    /// 4 − 4Φ(z<sub>1−α/4</sub>/√t).
    /// </summary>
    /// <param name="total">Total two-sided error, 0 &lt; total &lt; 1.</param>
    /// <param name="t">Information fraction, 0 ≤ t ≤ 1.</param>
    public double SpentTwoSided(double total, double t)
    {
        Check(total, t);
        return t == 0 ? 0 : SpentTwoSidedCore(total, t);
    }

    private protected abstract double SpentCore(double total, double t);

    private protected virtual double SpentTwoSidedCore(double total, double t) => SpentCore(total, t);

    private static void Check(double total, double t)
    {
        if (!(total > 0 && total < 1)) throw new ArgumentOutOfRangeException(nameof(total), total, "The total error must be strictly between 0 and 1.");
        if (!(t >= 0 && t <= 1)) throw new ArgumentOutOfRangeException(nameof(t), t, "The information fraction t must be between 0 and 1.");
    }

    private sealed record OBrienFlemingSpending : SpendingFunction
    {
        private protected override double SpentCore(double total, double t) =>
            2 * Gaussian.UpperTail(Gaussian.UpperQuantile(total / 2) / Math.Sqrt(t));

        private protected override double SpentTwoSidedCore(double total, double t) =>
            4 * Gaussian.UpperTail(Gaussian.UpperQuantile(total / 4) / Math.Sqrt(t));

        public override string ToString() => "obrien-fleming";
    }

    private sealed record PocockSpending : SpendingFunction
    {
        private protected override double SpentCore(double total, double t) => total * Math.Log(1 + (Math.E - 1) * t);

        public override string ToString() => "pocock";
    }

    private sealed record HwangShihDeCaniSpending(double Gamma) : SpendingFunction
    {
        private protected override double SpentCore(double total, double t) =>
            Gamma == 0 ? total * t : total * (1 - Math.Exp(-Gamma * t)) / (1 - Math.Exp(-Gamma));

        public override string ToString() => "hsd:" + Gamma.ToString("R", CultureInfo.InvariantCulture);
    }

    private sealed record PowerSpending(double Rho) : SpendingFunction
    {
        private protected override double SpentCore(double total, double t) => total * Math.Pow(t, Rho);

        public override string ToString() => "power:" + Rho.ToString("R", CultureInfo.InvariantCulture);
    }
}
