namespace Evident.Protocol;

/// <summary>
/// Columns of the simple layout that record participants leaving protocol therapy or the study (YAML
/// <c>data.simple.off_study</c>), one set per <see cref="OffStudyKind"/>; each set is optional.
/// </summary>
/// <param name="OffTherapy">Off protocol therapy: date and reason columns, or null.</param>
/// <param name="Withdrawn">Withdrawal of consent: date, reason and follow-up-allowed columns, or null.</param>
/// <param name="LostToFollowUp">Lost to follow-up: date and reason columns, or null.</param>
public sealed record OffStudyColumns(OffStudyColumnSet? OffTherapy, OffStudyColumnSet? Withdrawn, OffStudyColumnSet? LostToFollowUp)
{
    /// <summary>The set for <paramref name="kind"/>, or null when the protocol maps none.</summary>
    /// <param name="kind">The kind of record.</param>
    public OffStudyColumnSet? For(OffStudyKind kind) => kind switch
    {
        OffStudyKind.OffTherapy => OffTherapy,
        OffStudyKind.Withdrawn => Withdrawn,
        _ => LostToFollowUp,
    };
}

/// <summary>The columns of one kind of off-study record: an empty date means no such record for the participant.</summary>
/// <param name="Date">Date column.</param>
/// <param name="Reason">Free-text reason column, or null.</param>
/// <param name="FollowUpAllowed">For a withdrawal: a yes/no column saying whether follow-up data may still be collected, or null.</param>
public sealed record OffStudyColumnSet(string Date, string? Reason, string? FollowUpAllowed);
