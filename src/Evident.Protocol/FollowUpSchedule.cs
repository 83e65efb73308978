namespace Evident.Protocol;

/// <summary>
/// How often a participant is seen for follow-up (YAML <c>follow_up_schedule</c>), in the protocol's time unit: a
/// participant whose last contact is <see cref="Interval"/> ago is due for a visit, and one whose last contact is more
/// than <see cref="Interval"/> + <see cref="Grace"/> ago is overdue. Used by the report's overdue list and the site
/// worklist.
/// </summary>
/// <param name="Interval">Time between follow-up contacts, greater than 0.</param>
/// <param name="Grace">Time after a contact falls due before it counts as overdue, 0 or more (default 0).</param>
public sealed record FollowUpSchedule(double Interval, double Grace)
{
    /// <summary>Time since last contact after which a participant is overdue.</summary>
    public double OverdueAfter => Interval + Grace;
}
