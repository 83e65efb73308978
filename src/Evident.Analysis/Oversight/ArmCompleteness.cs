namespace Evident.Analysis.Oversight;

/// <summary>Completeness of follow-up of one arm (Clark et al. 2002): observed over potential follow-up time.</summary>
/// <param name="Arm">The arm id.</param>
/// <param name="Observed">Sum over the arm's participants of the time from randomization to the last contact or death, capped at the reference date (protocol time unit).</param>
/// <param name="Potential">Sum of the time from randomization to death, or else to the reference date (protocol time unit).</param>
/// <param name="Overdue">Participants of the arm listed as overdue (0 when the protocol has no follow-up schedule).</param>
public sealed record ArmCompleteness(string Arm, double Observed, double Potential, int Overdue)
{
    /// <summary>Observed / potential follow-up, in [0, 1]; NaN when the potential is 0.</summary>
    public double Completeness => Potential > 0 ? Observed / Potential : double.NaN;
}
