namespace Evident.Data;

/// <summary>Builds <see cref="SurvivalGrouping"/> from a model frame.</summary>
public static class SurvivalGroupingExtensions
{
    /// <summary>Combines <see cref="ModelFrame.Group"/> and <see cref="ModelFrame.Stratum"/> into one curve per observed combination.</summary>
    public static SurvivalGrouping SurvivalGroups(this ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var group = frame.Group;
        if (frame.StratumCount <= 1) return new SurvivalGrouping(group.ToArray(), frame.GroupLabels);

        var stratum = frame.Stratum;
        int strata = frame.StratumCount;
        var used = new bool[frame.GroupCount * strata];
        for (int i = 0; i < group.Length; i++) used[group[i] * strata + stratum[i]] = true;
        var newCode = new int[used.Length];
        var labels = new List<IReadOnlyDictionary<string, string>>();
        for (int c = 0; c < used.Length; c++)
        {
            if (!used[c]) { newCode[c] = -1; continue; }
            newCode[c] = labels.Count;
            var label = new Dictionary<string, string>(frame.GroupLabels[c / strata]);
            foreach (var (column, value) in frame.StratumLabels[c % strata]) label[column] = value;
            labels.Add(label);
        }
        var codes = new int[group.Length];
        for (int i = 0; i < codes.Length; i++) codes[i] = newCode[group[i] * strata + stratum[i]];
        return new SurvivalGrouping(codes, labels);
    }
}
