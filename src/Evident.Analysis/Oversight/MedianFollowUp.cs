using Evident.Protocol;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Oversight;

/// <summary>
/// Median follow-up per arm by reverse Kaplan–Meier (Schemper &amp; Smith 1996), as R's
/// <c>survfit(Surv(time, 1 - status) ~ arm)</c> gives the median: how mature the data are, arm by arm.
/// </summary>
public static class MedianFollowUp
{
    /// <summary>The reverse Kaplan–Meier median of each arm, in protocol order.</summary>
    /// <param name="protocol">The trial's protocol (arms and labels).</param>
    /// <param name="time">Each participant's time to the endpoint's event or censoring, in the protocol's unit.</param>
    /// <param name="isEvent">Whether the endpoint's event ended it.</param>
    /// <param name="arm">Each participant's arm index in <c>protocol.Arms</c>.</param>
    /// <param name="confLevel">Level of the limits.</param>
    /// <returns>One entry per arm that has participants.</returns>
    public static IReadOnlyList<ArmFollowUp> ByArm(TrialProtocol protocol, IReadOnlyList<double> time, IReadOnlyList<bool> isEvent, IReadOnlyList<int> arm, double confLevel)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(isEvent);
        ArgumentNullException.ThrowIfNull(arm);
        var result = new List<ArmFollowUp>();
        for (int a = 0; a < protocol.Arms.Count; a++)
        {
            var rows = Enumerable.Range(0, time.Count).Where(i => arm[i] == a).ToArray();
            if (rows.Length == 0) continue;
            var estimate = FollowUp.ReverseKaplanMeier(rows.Select(i => time[i]).ToArray(), rows.Select(i => isEvent[i]).ToArray(), confLevel);
            result.Add(new ArmFollowUp(protocol.Arms[a].Id, protocol.Arms[a].Label, estimate));
        }
        return result;
    }
}
