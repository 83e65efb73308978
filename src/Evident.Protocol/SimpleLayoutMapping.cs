namespace Evident.Protocol;

/// <summary>
/// Columns of the simple patient-level layout (YAML <c>data.simple</c>): one row per participant with id, arm, strata,
/// randomization date, event dates and types and the date of last contact, plus an optional adverse-event table. Or,
/// without calendar dates, follow-up as time since randomization (<see cref="FollowUpTime"/>) and a status (0/1) per
/// event component.
/// </summary>
/// <param name="Participant">Participant id column.</param>
/// <param name="Arm">Arm column (values: arm ids unless recoded).</param>
/// <param name="Site">Site column, or null.</param>
/// <param name="Strata">One column per stratification factor, in protocol order.</param>
/// <param name="Covariates">One column per covariate, in protocol order.</param>
/// <param name="Randomized">Randomization date column; null in the times layout.</param>
/// <param name="LastContact">Date of last contact column; null in the times layout.</param>
/// <param name="Events">Where each component used by an endpoint is recorded, in protocol order.</param>
/// <param name="AdverseEvents">Adverse-event table columns, or null when the protocol has no safety analysis.</param>
public sealed record SimpleLayoutMapping(
    string Participant,
    ColumnBinding Arm,
    string? Site,
    IReadOnlyList<ColumnBinding> Strata,
    IReadOnlyList<ColumnBinding> Covariates,
    string? Randomized,
    string? LastContact,
    IReadOnlyList<ComponentColumns> Events,
    AdverseEventColumns? AdverseEvents)
{
    /// <summary>Off-therapy, withdrawal and lost-to-follow-up columns (<c>off_study</c>), or null when the data have none.</summary>
    public OffStudyColumns? OffStudy { get; init; }

    /// <summary>
    /// Column with each participant's follow-up as time since randomization in the protocol's time unit (YAML
    /// <c>data.simple.follow_up_time</c>), or null when the data give calendar dates. When given, every component has a
    /// status column instead of a date column, and there are no dates: a data cut-off cannot be applied.
    /// </summary>
    public string? FollowUpTime { get; init; }
}
