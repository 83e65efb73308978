namespace Evident.Reporting.Report;

/// <summary>
/// Which of a data-monitoring committee's two reports (NIH/NINDS DSMB report outline): the closed report, by arm, for the
/// committee alone; or the open report, every arm pooled, which may go to the trial's steering committee and sponsor.
/// </summary>
public enum ReportKind
{
    /// <summary>By arm: report.html and results.json. Unblinded.</summary>
    Closed,

    /// <summary>All arms pooled, no arm-level number: report-open.html and results-open.json.</summary>
    Open,
}
