namespace Evident.Statistics.Survival;

/// <summary>
/// The Fleming–Harrington FH(ρ, γ) weight w(t) = Ŝ(t−)^ρ (1 − Ŝ(t−))^γ of a weighted log-rank test (Harrington &amp;
/// Fleming 1982; Fleming &amp; Harrington 1991, §7.3), Ŝ the pooled left-continuous Kaplan–Meier; 0⁰ = 1, so FH(0, 0)
/// is the log-rank test's unit weight and FH(ρ, γ &gt; 0) gives the first event time weight 0.
/// </summary>
/// <param name="Rho">ρ ≥ 0: weight on early differences (ρ = 1, γ = 0 is Peto–Peto).</param>
/// <param name="Gamma">γ ≥ 0: weight on late differences.</param>
public readonly record struct FlemingHarringtonWeight(double Rho, double Gamma)
{
    /// <summary>The weight at a time where the pooled survival just before it is <paramref name="survivalBefore"/>.</summary>
    /// <param name="survivalBefore">Ŝ(t−), in [0, 1].</param>
    public double At(double survivalBefore)
    {
        double w = Rho == 0 ? 1.0 : Math.Pow(survivalBefore, Rho);
        return Gamma == 0 ? w : w * Math.Pow(1.0 - survivalBefore, Gamma);
    }
}
