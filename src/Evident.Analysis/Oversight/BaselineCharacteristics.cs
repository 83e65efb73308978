using Evident.Analysis.Input;
using Evident.Protocol;

namespace Evident.Analysis.Oversight;

/// <summary>
/// The baseline table of a DSMB report (CONSORT item 15): every stratification factor and covariate, participants per
/// level by arm and overall, with the percentage of the arm. A covariate not recorded for a participant is counted under
/// "Not recorded", so every column adds up to its arm.
/// </summary>
public static class BaselineCharacteristics
{
    /// <summary>The level a missing covariate value is counted under.</summary>
    public const string NotRecorded = "Not recorded";

    /// <summary>Tabulates every stratification factor, then every covariate, in protocol order.</summary>
    /// <param name="protocol">The trial's protocol (factors, covariates, arms and their labels).</param>
    /// <param name="data">The participants analysed.</param>
    public static BaselineTable Tabulate(TrialProtocol protocol, TrialData data)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(data);
        var participants = data.Participants;
        int[] armSize = new int[protocol.Arms.Count];
        foreach (var p in participants) armSize[p.Arm]++;
        var factors = new List<BaselineFactor>();
        for (int f = 0; f < protocol.Strata.Count; f++)
        {
            var factor = protocol.Strata[f];
            int index = f;
            factors.Add(Factor(protocol, factor.Id, factor.Label, factor.Levels, participants, p => factor.Levels[p.Strata[index]], armSize));
        }
        for (int c = 0; c < protocol.Covariates.Count; c++)
        {
            var covariate = protocol.Covariates[c];
            int index = c;
            factors.Add(Factor(protocol, covariate.Id, covariate.Label, covariate.Levels, participants, p => p.Covariates[index] ?? NotRecorded, armSize));
        }
        return new BaselineTable(participants.Count, factors);
    }

    private static BaselineFactor Factor(TrialProtocol protocol, string id, string label, IReadOnlyList<string> declared,
                                         IReadOnlyList<TrialParticipant> participants, Func<TrialParticipant, string> levelOf, int[] armSize)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var p in participants)
        {
            string level = levelOf(p);
            if (!counts.TryGetValue(level, out var byArm)) counts[level] = byArm = new int[armSize.Length];
            byArm[p.Arm]++;
        }
        var order = declared.Concat(counts.Keys.Where(k => k != NotRecorded && !declared.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
                            .Append(NotRecorded)
                            .Where(l => l != NotRecorded || counts.ContainsKey(NotRecorded));
        var levels = order.Select(level =>
        {
            var byArm = counts.GetValueOrDefault(level) ?? new int[armSize.Length];
            var arms = protocol.Arms.Select((arm, a) => new BaselineCount(arm.Id, byArm[a], Percent(byArm[a], armSize[a]))).ToArray();
            int total = byArm.Sum();
            return new BaselineLevel(level, arms, new BaselineCount(null, total, Percent(total, participants.Count)));
        }).ToArray();
        return new BaselineFactor(id, label, levels);
    }

    private static double Percent(int n, int of) => of == 0 ? double.NaN : 100.0 * n / of;
}
