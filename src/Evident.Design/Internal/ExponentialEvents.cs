namespace Evident.Design.Internal;

/// <summary>
/// Expected events in a two-arm trial with uniform accrual on [0, A], exponential survival (hazard λ) and exponential
/// dropout (hazard φ) — the model behind rpact's <c>getSampleSizeSurvival</c> with constant hazards.
/// </summary>
/// <remarks>
/// A subject followed for s has P(event by s) = λ/(λ+φ)·(1 − e<sup>−(λ+φ)s</sup>). Averaging over entry times
/// u ~ U(0, A), the expected events by calendar time τ per enrolled-subject-rate N/A is
/// λ/(λ+φ)·[min(τ, A) − (e<sup>−(λ+φ)(τ−min(τ,A))</sup> − e<sup>−(λ+φ)τ</sup>)/(λ+φ)].
/// </remarks>
internal readonly record struct ExponentialEvents(double HazardTreatment, double HazardControl, double Dropout, double AllocationRatio, double AccrualTime)
{
    /// <summary>Expected events by calendar time τ when N subjects are enrolled uniformly over the accrual period.</summary>
    public double Events(double subjects, double time)
    {
        double r = AllocationRatio;
        double perArm = (r * Integral(HazardTreatment, time) + Integral(HazardControl, time)) / (1 + r);
        return subjects / AccrualTime * perArm;
    }

    /// <summary>Expected events by τ among subjects entering uniformly at rate 1 on [0, min(τ, A)].</summary>
    private double Integral(double hazard, double time)
    {
        double total = hazard + Dropout;
        double entered = Math.Min(time, AccrualTime);
        // ∫_0^entered (1 − e^{−total(τ−u)}) du = entered − (e^{−total(τ−entered)} − e^{−total τ})/total
        double tail = (Math.Exp(-total * (time - entered)) - Math.Exp(-total * time)) / total;
        return hazard / total * (entered - tail);
    }
}
