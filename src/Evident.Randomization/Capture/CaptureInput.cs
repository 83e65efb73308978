namespace Evident.Randomization.Capture;

/// <summary>The content of one follow-up event or adverse event, as entered (also the content of a correction).</summary>
/// <param name="Kind">What it records.</param>
/// <param name="Date">The event date (relapse, death, diagnosis of second malignancy, last contact, AE onset, or the off-study date).</param>
/// <param name="RelapseSite">For a relapse: <c>marrow</c>, <c>cns</c>, <c>combined</c> or <c>other</c>; else null.</param>
/// <param name="Term">For an adverse event: the CTCAE term (1–200 characters); else null.</param>
/// <param name="Grade">For an adverse event: the CTCAE grade, 1–5; else null.</param>
public sealed record CaptureInput(CaptureKind Kind, DateOnly Date, string? RelapseSite, string? Term, int? Grade)
{
    /// <summary>
    /// For an adverse event: the date it resolved (not before the onset <see cref="Date"/>), or null while it is ongoing;
    /// null for every other kind.
    /// </summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>For an off-study record: why (1–500 characters); null for every other kind.</summary>
    public string? OffStudyReason { get; init; }

    /// <summary>
    /// For a withdrawal of consent: whether follow-up data may still be collected (required); null for every other kind.
    /// </summary>
    public bool? FollowUpAllowed { get; init; }

    /// <summary>
    /// For an adverse event: seriousness, attribution, action taken and outcome, or null when it was recorded without
    /// them; null for every other kind.
    /// </summary>
    public AdverseEventAssessment? Assessment { get; init; }
}
