using Evident.Randomization.Capture;

namespace Evident.Server.Features;

/// <summary>Body of POST …/follow-up: <c>kind</c> relapse | death | second_malignancy | last_contact, <c>date</c> (yyyy-MM-dd), <c>relapseSite</c> for a relapse.</summary>
internal sealed record FollowUpBody(string Kind, string Date, string? RelapseSite = null);

/// <summary>
/// Body of POST …/adverse-events: CTCAE <c>term</c>, <c>grade</c> 1–5, <c>onsetDate</c> (yyyy-MM-dd), and <c>endDate</c>
/// (yyyy-MM-dd) once the event resolved (absent while ongoing); the assessment <c>serious</c>, <c>seriousCriteria</c>,
/// <c>attribution</c>, <c>actionTaken</c>, <c>outcome</c> (see <see cref="AdverseEventFields"/>).
/// </summary>
internal sealed record AdverseEventBody(string Term, int Grade, string OnsetDate, string? EndDate = null, bool? Serious = null, string[]? SeriousCriteria = null,
    string? Attribution = null, string? ActionTaken = null, string? Outcome = null);

/// <summary>
/// Body of POST …/entries/{entryId}/corrections: the whole corrected content (<c>endDate</c> for an adverse event that
/// resolved; <c>offStudyReason</c> and, for a withdrawal, <c>followUpAllowed</c> for an off-study record) and the
/// <c>reason</c> for the correction.
/// </summary>
internal sealed record CorrectionBody(string Kind, string Date, string Reason, string? RelapseSite = null, string? Term = null, int? Grade = null, string? EndDate = null,
    string? OffStudyReason = null, bool? FollowUpAllowed = null, bool? Serious = null, string[]? SeriousCriteria = null, string? Attribution = null,
    string? ActionTaken = null, string? Outcome = null);

/// <summary>
/// Body of POST …/off-study: <c>kind</c> off_therapy | withdrawn | lost_to_follow_up, <c>date</c> (yyyy-MM-dd), the
/// <c>reason</c>, and for a withdrawal of consent <c>followUpAllowed</c> (whether follow-up data may still be collected).
/// </summary>
internal sealed record OffStudyBody(string Kind, string Date, string Reason, bool? FollowUpAllowed = null);

/// <summary>One version of a captured entry as the API shows it. Never carries an arm.</summary>
/// <remarks>
/// <c>EndDate</c> is an adverse event's resolution date, null while it is ongoing (and for other kinds);
/// <c>OffStudyReason</c> and <c>FollowUpAllowed</c> belong to off-study records (the latter to withdrawals only);
/// <c>Reason</c> is why a correction replaced the previous version. An adverse event's assessment (<c>Serious</c>,
/// <c>SeriousCriteria</c>, <c>Attribution</c>, <c>ActionTaken</c>, <c>Outcome</c>) is null when it was recorded without one.
/// </remarks>
internal sealed record CaptureEntryView(
    long EntryId, int Version, string ParticipantId, string Site, string Kind, string Date, string? RelapseSite, string? Term, int? Grade,
    string? EndDate, DateTimeOffset RecordedAt, string RecordedBy, string? Reason)
{
    /// <summary>For an off-study record: why the participant went off therapy, withdrew or was lost.</summary>
    public string? OffStudyReason { get; init; }

    /// <summary>For a withdrawal of consent: whether follow-up data may still be collected.</summary>
    public bool? FollowUpAllowed { get; init; }

    /// <summary>For an adverse event with an assessment: whether it is serious (ICH E2A).</summary>
    public bool? Serious { get; init; }

    /// <summary>For an adverse event with an assessment: the seriousness criteria met (wire names), empty when not serious.</summary>
    public IReadOnlyList<string>? SeriousCriteria { get; init; }

    /// <summary>For an adverse event with an assessment: the attribution to the study treatment (wire name).</summary>
    public string? Attribution { get; init; }

    /// <summary>For an adverse event with an assessment: the action taken with the study treatment (wire name).</summary>
    public string? ActionTaken { get; init; }

    /// <summary>For an adverse event with an assessment: its outcome (wire name).</summary>
    public string? Outcome { get; init; }

    public static CaptureEntryView From(CaptureEntry e) => new(
        e.EntryId, e.Version, e.ParticipantId, e.Site, CaptureKinds.Name(e.Content.Kind), e.Content.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        e.Content.RelapseSite, e.Content.Term, e.Content.Grade, e.Content.EndDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        e.RecordedAt, e.RecordedBy, e.Reason)
    {
        OffStudyReason = e.Content.OffStudyReason,
        FollowUpAllowed = e.Content.FollowUpAllowed,
        Serious = e.Content.Assessment?.Serious,
        SeriousCriteria = e.Content.Assessment is { } a ? AdverseEventCodes.Names(a.Criteria) : null,
        Attribution = e.Content.Assessment?.Attribution is { } attribution ? AdverseEventCodes.Name(attribution) : null,
        ActionTaken = e.Content.Assessment?.Action is { } action ? AdverseEventCodes.Name(action) : null,
        Outcome = e.Content.Assessment?.Outcome is { } outcome ? AdverseEventCodes.Name(outcome) : null,
    };
}
