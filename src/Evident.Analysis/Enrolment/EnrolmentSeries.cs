namespace Evident.Analysis.Enrolment;

/// <summary>One line of accrual: a stratum's or a site's cumulative count at the end of each month.</summary>
/// <param name="Label">The stratum or site.</param>
/// <param name="Cumulative">Cumulative randomized by the end of each month of <see cref="EnrolmentSummary.Months"/>.</param>
public sealed record EnrolmentSeries(string Label, IReadOnlyList<int> Cumulative)
{
    /// <summary>The current count (0 when there are no months).</summary>
    public int Count => Cumulative.Count == 0 ? 0 : Cumulative[^1];
}
