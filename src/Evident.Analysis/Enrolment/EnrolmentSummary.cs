using Evident.Analysis.Input;
using Evident.Protocol;

namespace Evident.Analysis.Enrolment;

/// <summary>
/// Accrual of a trial for its monitoring committee: how many participants were randomized by the end of each calendar
/// month, in total, per stratum (the combination of stratification-factor levels) and per site, and the current counts
/// of every stratum at every site. Immutable; built by <see cref="Summarize"/>.
/// </summary>
/// <param name="Months">First day of each calendar month from the month of the first randomization to the month of
/// <c>asOf</c>, in order; empty when nobody is randomized.</param>
/// <param name="Total">Cumulative number randomized by the end of each month (same length as <paramref name="Months"/>).</param>
/// <param name="ByStratum">Cumulative counts per stratum, in the protocol's level order (first factor varying slowest).</param>
/// <param name="BySite">Cumulative counts per site, ordered by site id (ordinal); participants without a site are under "(no site)".</param>
/// <param name="Cells">Current count per stratum (rows, as <paramref name="ByStratum"/>) and site (columns, as <paramref name="BySite"/>).</param>
public sealed record EnrolmentSummary(
    IReadOnlyList<DateOnly> Months,
    IReadOnlyList<int> Total,
    IReadOnlyList<EnrolmentSeries> ByStratum,
    IReadOnlyList<EnrolmentSeries> BySite,
    IReadOnlyList<IReadOnlyList<int>> Cells)
{
    /// <summary>The label used for participants whose site is not recorded.</summary>
    public const string NoSite = "(no site)";

    /// <summary>Number of participants randomized in all (the last cumulative total, or 0).</summary>
    public int Randomized => Total.Count == 0 ? 0 : Total[^1];

    /// <summary>
    /// Counts <paramref name="data"/>'s participants by month of randomization. Strata are every combination of the
    /// protocol's stratification-factor levels (so an empty stratum shows as zeros); sites are those that occur.
    /// </summary>
    /// <param name="protocol">The protocol (stratification factors and their levels).</param>
    /// <param name="data">The trial's participants, mapped onto <paramref name="protocol"/>.</param>
    /// <param name="asOf">The last month shown is this date's month; it must not precede any randomization.</param>
    /// <exception cref="ArgumentException">A participant was randomized after <paramref name="asOf"/>.</exception>
    public static EnrolmentSummary Summarize(TrialProtocol protocol, TrialData data, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(data);
        var participants = data.Participants;
        var strata = StratumLabels(protocol);
        if (participants.Count == 0)
            return new EnrolmentSummary([], [], strata.Select(s => new EnrolmentSeries(s, [])).ToArray(), [], strata.Select(_ => (IReadOnlyList<int>)[]).ToArray());

        var first = participants.Min(p => p.Randomized);
        var last = participants.Max(p => p.Randomized);
        if (last > asOf)
            throw new ArgumentException($"participant randomized on {last:yyyy-MM-dd} is after the as-of date {asOf:yyyy-MM-dd}.", nameof(asOf));
        int months = MonthIndex(first, asOf) + 1;
        var sites = participants.Select(p => p.Site ?? NoSite).Distinct().Order(StringComparer.Ordinal).ToArray();
        var siteIndex = sites.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);

        var total = new int[months];
        var byStratum = new int[strata.Count, months];
        var bySite = new int[sites.Length, months];
        var cells = new int[strata.Count, sites.Length];
        foreach (var p in participants)
        {
            int m = MonthIndex(first, p.Randomized), s = Stratum(protocol, p), site = siteIndex[p.Site ?? NoSite];
            total[m]++;
            byStratum[s, m]++;
            bySite[site, m]++;
            cells[s, site]++;
        }
        return new EnrolmentSummary(
            Enumerable.Range(0, months).Select(i => new DateOnly(first.Year, first.Month, 1).AddMonths(i)).ToArray(),
            Cumulative(total),
            strata.Select((label, s) => new EnrolmentSeries(label, Cumulative(Row(byStratum, s)))).ToArray(),
            sites.Select((label, s) => new EnrolmentSeries(label, Cumulative(Row(bySite, s)))).ToArray(),
            Enumerable.Range(0, strata.Count).Select(s => (IReadOnlyList<int>)Row(cells, s)).ToArray());
    }

    /// <summary>The labels of every stratum, e.g. "SR-average" or "SR-high / female"; one "All participants" without factors.</summary>
    private static List<string> StratumLabels(TrialProtocol protocol) =>
        protocol.Strata.Count == 0 ? ["All participants"] : StratumCells.Labels(protocol, AllFactors(protocol));

    /// <summary>The stratum index over every factor (<see cref="StratumCells.Code"/>).</summary>
    private static int Stratum(TrialProtocol protocol, TrialParticipant p) => StratumCells.Code(protocol, p, AllFactors(protocol));

    private static IEnumerable<int> AllFactors(TrialProtocol protocol) => Enumerable.Range(0, protocol.Strata.Count);

    private static int MonthIndex(DateOnly first, DateOnly date) => (date.Year - first.Year) * 12 + date.Month - first.Month;

    private static int[] Row(int[,] counts, int row)
    {
        var result = new int[counts.GetLength(1)];
        for (int j = 0; j < result.Length; j++) result[j] = counts[row, j];
        return result;
    }

    private static IReadOnlyList<int> Cumulative(int[] perMonth)
    {
        var result = new int[perMonth.Length];
        int sum = 0;
        for (int i = 0; i < perMonth.Length; i++) result[i] = sum += perMonth[i];
        return Array.AsReadOnly(result);
    }
}
