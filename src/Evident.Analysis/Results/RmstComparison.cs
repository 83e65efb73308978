using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>
/// One comparison's restricted mean survival time difference at the endpoint's horizon τ, or its refusal: τ beyond
/// the shortest of the two arms' longest follow-up is refused, as <c>survRM2::rmst2</c> refuses it, because the curve
/// of the arm followed for less time is not known up to τ.
/// </summary>
/// <param name="Tau">The horizon τ (<c>endpoints[].rmst_horizon</c>).</param>
/// <param name="TauLimit">The shortest of the two arms' longest follow-up times (event or censoring).</param>
/// <param name="Difference">RMST(arm) − RMST(control) (Royston–Parmar 2013), or null when refused.</param>
public sealed record RmstComparison(double Tau, double TauLimit, RestrictedMeanDifference? Difference)
{
    /// <summary>The reason written when τ is refused.</summary>
    public const string RefusalReason = "tau is beyond the shortest of the arms' longest follow-up";

    /// <summary>True when τ lies beyond <see cref="TauLimit"/> and no difference is given.</summary>
    public bool Refused => Difference is null;
}
