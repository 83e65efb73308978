using Evident.Design.Monitoring;

namespace Evident.Analysis.Results;

/// <summary>
/// Interim monitoring of the primary endpoint for one compared arm against the control: looks reconstructed at the
/// calendar dates on which the planned event counts were reached in the two arms, plus the look at the data cut-off.
/// </summary>
/// <param name="ArmId">The compared arm.</param>
/// <param name="LookDates">Calendar date of each look.</param>
/// <param name="Analysis">Boundaries at the observed information fractions, Z, decisions (rpact <c>getAnalysisResults</c>).</param>
public sealed record MonitoringResult(string ArmId, IReadOnlyList<DateOnly> LookDates, InterimAnalysis Analysis);
