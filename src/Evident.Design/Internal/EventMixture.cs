namespace Evident.Design.Internal;

/// <summary>
/// The enrolled subjects as a mixture of strata, each with its share π<sub>s</sub> and its two arms' event curves:
/// expected events are Σ<sub>s</sub> π<sub>s</sub>·events<sub>s</sub>. An unstratified design is a mixture of one.
/// </summary>
/// <param name="Shares">π<sub>s</sub>, summing to 1.</param>
/// <param name="Strata">Each stratum's arms.</param>
internal sealed record EventMixture(double[] Shares, ArmEventCurves[] Strata)
{
    /// <summary>The unstratified design.</summary>
    public static EventMixture Single(ArmEventCurves arms) => new([1], [arms]);

    /// <summary>Expected events by calendar time τ over all strata.</summary>
    public double Events(AccrualCurve accrual, double time)
    {
        double events = 0;
        for (int s = 0; s < Strata.Length; s++) events += Shares[s] * accrual.Events(time, Strata[s]);
        return events;
    }

    /// <summary>Expected events of stratum <paramref name="s"/> by calendar time τ.</summary>
    public double StratumEvents(AccrualCurve accrual, double time, int s) => Shares[s] * accrual.Events(time, Strata[s]);

    /// <summary>The share of enrolled subjects with an observed event at some time.</summary>
    public double EventualFraction()
    {
        double fraction = 0;
        for (int s = 0; s < Strata.Length; s++) fraction += Shares[s] * Strata[s].EventualFraction();
        return fraction;
    }
}
