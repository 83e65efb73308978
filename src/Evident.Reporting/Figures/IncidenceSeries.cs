using Evident.Statistics;
using Evident.Statistics.CompetingRisks;

namespace Evident.Reporting.Figures;

/// <summary>One curve of a cumulative incidence figure: a cause in an arm.</summary>
/// <param name="Cause">Cause name, e.g. "Isolated marrow relapse"; curves of one cause share a colour.</param>
/// <param name="Arm">Arm name, e.g. "blinatumomab"; curves of one arm share a line pattern.</param>
/// <param name="Curve">The curve, from <see cref="CumulativeIncidence.Curve"/>.</param>
public sealed record IncidenceSeries(string Cause, string Arm, CumulativeIncidenceCurve Curve)
{
    /// <summary>
    /// Every curve of an Aalen–Johansen fit (cmprsk's <c>cuminc</c>), cause-major, named by the caller's arm and cause
    /// names.
    /// </summary>
    /// <param name="result">The fit from <see cref="AalenJohansen.Fit"/>.</param>
    /// <param name="armNames">Name of each group code 0..G−1.</param>
    /// <param name="causeNames">Name of each cause code in <see cref="CumulativeIncidence.Causes"/>; a code missing here is shown as "cause N".</param>
    public static IReadOnlyList<IncidenceSeries> FromFit(CumulativeIncidence result, IReadOnlyList<string> armNames,
                                                         IReadOnlyDictionary<int, string> causeNames)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(armNames);
        ArgumentNullException.ThrowIfNull(causeNames);
        if (armNames.Count != result.GroupCount)
            throw new ArgumentException($"armNames has {armNames.Count} names for {result.GroupCount} groups.", nameof(armNames));
        var series = new List<IncidenceSeries>();
        foreach (int cause in result.Causes)
        {
            string name = causeNames.TryGetValue(cause, out var n) ? n : $"cause {cause}";
            for (int g = 0; g < result.GroupCount; g++) series.Add(new IncidenceSeries(name, armNames[g], result.Curve(g, cause)));
        }
        return series.AsReadOnly();
    }
}
