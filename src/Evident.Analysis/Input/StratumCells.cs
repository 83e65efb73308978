using Evident.Protocol;

namespace Evident.Analysis.Input;

/// <summary>
/// The cells of a set of stratification factors: every combination of their levels, coded mixed-radix over the
/// factors' level indices (first factor most significant) and labelled with the levels joined by " / ".
/// </summary>
internal static class StratumCells
{
    /// <summary>The label of every cell in code order, e.g. "SR-average / female"; one empty label without factors.</summary>
    public static List<string> Labels(TrialProtocol protocol, IEnumerable<int> factors)
    {
        var labels = new List<string> { "" };
        foreach (int f in factors)
            labels = labels.SelectMany(prefix => protocol.Strata[f].Levels.Select(level => prefix.Length == 0 ? level : prefix + " / " + level)).ToList();
        return labels;
    }

    /// <summary>The cell of <paramref name="participant"/>.</summary>
    public static int Code(TrialProtocol protocol, TrialParticipant participant, IEnumerable<int> factors)
    {
        int code = 0;
        foreach (int f in factors) code = code * protocol.Strata[f].Levels.Count + participant.Strata[f];
        return code;
    }
}
