namespace Evident.Reporting.Report;

/// <summary>What a <see cref="ReportSection"/> shows of the arms, which decides the reports it belongs to (<see cref="ReportSection.In"/>).</summary>
public enum SectionScope
{
    /// <summary>Nothing of the arms at all (accrual): in both reports.</summary>
    Trial,

    /// <summary>Over all arms together, the open report's counterpart of a by-arm section: in the open report only.</summary>
    Pooled,

    /// <summary>Arm by arm: in the closed report only.</summary>
    ByArm,
}
