namespace Evident.Protocol;

/// <summary>
/// Columns of the simple patient-level layout (YAML <c>data.simple</c>): one row per participant with id, arm, strata,
/// randomization date, event dates and types and the date of last contact, plus an optional adverse-event table.
/// </summary>
/// <param name="Participant">Participant id column.</param>
/// <param name="Arm">Arm column (values: arm ids unless recoded).</param>
/// <param name="Site">Site column, or null.</param>
/// <param name="Strata">One column per stratification factor, in protocol order.</param>
/// <param name="Covariates">One column per covariate, in protocol order.</param>
/// <param name="Randomized">Randomization date column.</param>
/// <param name="LastContact">Date of last contact column.</param>
/// <param name="Events">Where each component used by an endpoint is recorded, in protocol order.</param>
/// <param name="AdverseEvents">Adverse-event table columns, or null when the protocol has no safety analysis.</param>
public sealed record SimpleLayoutMapping(
    string Participant,
    ColumnBinding Arm,
    string? Site,
    IReadOnlyList<ColumnBinding> Strata,
    IReadOnlyList<ColumnBinding> Covariates,
    string Randomized,
    string LastContact,
    IReadOnlyList<ComponentColumns> Events,
    AdverseEventColumns? AdverseEvents)
{
    /// <summary>Off-therapy, withdrawal and lost-to-follow-up columns (<c>off_study</c>), or null when the data have none.</summary>
    public OffStudyColumns? OffStudy { get; init; }
}
