namespace Evident.Design.Internal;

/// <summary>The two arms' event curves and the allocation ratio r = n<sub>treatment</sub>/n<sub>control</sub>.</summary>
internal sealed record ArmEventCurves(PiecewiseEventCurve Treatment, PiecewiseEventCurve Control, double AllocationRatio)
{
    /// <summary>The share of enrolled subjects with an observed event at some time, (r·F<sub>1</sub>(∞) + F<sub>2</sub>(∞))/(1 + r).</summary>
    public double EventualFraction() => (AllocationRatio * Treatment.Eventual() + Control.Eventual()) / (1 + AllocationRatio);
}
