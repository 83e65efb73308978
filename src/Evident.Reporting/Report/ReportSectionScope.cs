namespace Evident.Reporting.Report;

/// <summary>
/// Whether a report section shows numbers by arm (closed report only) or pooled over the arms (fit for the open report
/// a steering committee may read).
/// </summary>
public static class ReportSectionScope
{
    /// <summary>True when <paramref name="section"/> shows any number by arm.</summary>
    /// <param name="section">The section.</param>
    public static bool IsByArm(this ReportSection section) => section switch
    {
        ReportSection.ConsortPooled or ReportSection.AdverseEventsPooled or ReportSection.CompletenessPooled => false,
        _ => true,
    };
}
