using Evident.Protocol;
using Evident.Randomization.Capture;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// The participant page's adverse-event form (<c>_AdverseEventForm.cshtml</c>), for a new event (fields <c>ae.*</c>)
/// and for the correction of one (<c>c.*</c>, messages under <c>cN.*</c>): the term from the protocol's term list
/// (<c>term</c>, or <see cref="AdverseEventLabels.OtherSpecify"/> with <c>otherTerm</c> when the list allows others),
/// <c>grade</c>, onset <c>date</c>, <c>endDate</c>, <c>serious</c> yes | no with <c>seriousCriteria</c>,
/// <c>attribution</c>, <c>actionTaken</c> and <c>outcome</c>. <see cref="CaptureRules"/> decides what is valid; its
/// messages are shown at the fields, all of them at once, and nothing is stored when one fails.
/// </summary>
public sealed partial class ParticipantModel
{
    /// <summary>Whether the term being read was written under "Other, specify" (its problems belong to that field).</summary>
    private bool otherTerm;

    /// <summary>The protocol's adverse-event term list, or null when it has none (then the term is free text).</summary>
    public AdverseEventTerms? TermList => Trial.Protocol.AdverseEventTerms;

    /// <summary>
    /// The grades offered for <paramref name="term"/>: a listed term's own grades with the protocol's descriptions
    /// ("3 – Blood culture positive …") where it gives them, else grades 1–5 with their general meaning.
    /// </summary>
    /// <param name="term">The term chosen, or null.</param>
    public IReadOnlyList<(int Grade, string Label)> GradeChoices(string? term) =>
        term is not null && TermList?.Find(term) is { Grades.Count: > 0 } listed
            ? listed.Grades.Select(g => (g.Grade, $"{g.Grade.ToString(System.Globalization.CultureInfo.InvariantCulture)} – {g.Text}")).ToArray()
            : CaptureLabels.Grades;

    /// <summary>The form's values: what was posted for <paramref name="prefix"/> when the form is shown again, else <paramref name="current"/>'s.</summary>
    /// <param name="prefix">The message prefix: <c>ae</c> for a new event, <c>cN</c> for the correction of entry N.</param>
    /// <param name="names">The input names' prefix: <c>ae</c> or <c>c</c>.</param>
    /// <param name="current">The entry corrected, or null for a new event.</param>
    public AdverseEventFormView AdverseEventForm(string prefix, string names, CaptureInput? current)
    {
        var a = current?.Assessment;
        string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string? term = current?.Term, other = null;
        if (term is not null && TermList is { OtherAllowed: true } list && list.Find(term) is null) (term, other) = (AdverseEventLabels.OtherSpecify, term);
        string? V(string field, string? fallback) => Value(prefix + "." + field, fallback);
        string? criteria = V("seriousCriteria", a is null ? null : string.Join(',', AdverseEventCodes.Names(a.Criteria)));
        return new AdverseEventFormView(this, prefix, names, V("term", term), V("otherTerm", other), V("grade", current?.Grade?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            V("date", Iso(current?.Date)), V("endDate", Iso(current?.EndDate)), V("serious", a?.Serious is { } s ? (s ? "yes" : "no") : null),
            (criteria ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            V("attribution", a?.Attribution is { } at ? AdverseEventCodes.Name(at) : null), V("actionTaken", a?.Action is { } ac ? AdverseEventCodes.Name(ac) : null),
            V("outcome", a?.Outcome is { } o ? AdverseEventCodes.Name(o) : null));
    }

    /// <summary>The expedited reviews of the participant's serious adverse events, oldest first.</summary>
    public IReadOnlyList<SeriousEventReview> SeriousEventReviews { get; private set; } = [];

    /// <summary>Whether the signed-in user reviews serious adverse events (admins, the unblinded statistician).</summary>
    public bool MayReviewSeriousEvents => SeriousEventReview.MayReview(Role) && Randomization.InvalidatedAt is null;

    /// <summary>The review of the current version of <paramref name="entry"/>, or null while it awaits one.</summary>
    /// <param name="entry">A serious adverse event of the participant.</param>
    public SeriousEventReview? ReviewOf(CaptureEntry entry) =>
        SeriousEventReviews.FirstOrDefault(r => r.EntryId == entry.EntryId && r.Version == entry.Version);

    /// <summary>
    /// Marks the current version of the serious adverse event <paramref name="entryId"/> reviewed (admins and the
    /// unblinded statistician; audited as <c>sae.review</c>) and returns to the trial's worklist.
    /// </summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="entryId">The serious adverse event's entry.</param>
    public async Task<IActionResult> OnPostReviewSeriousEventAsync(string participantId, long entryId)
    {
        if (!await LoadAsync(participantId)) return NotFound();
        if (!MayReviewSeriousEvents) return StatusCode(StatusCodes.Status403Forbidden);
        try
        {
            await Store.ReviewSeriousEventAsync(Trial.Id, participantId, entryId, null, Caller.Name);
        }
        catch (StoreNotFoundException)
        {
            return NotFound();
        }
        catch (StoreConflictException e)
        {
            Errors.Add($"sae{entryId}.review", e.Message);
            return Refused(StatusCodes.Status409Conflict);
        }
        return LocalRedirect(TrialPath() + "#serious-events");
    }

    /// <summary>Records an adverse event (the <c>ae.*</c> fields; see the type's summary).</summary>
    /// <param name="participantId">The participant.</param>
    public Task<IActionResult> OnPostAdverseEventAsync(string participantId) =>
        WriteAsync(participantId, "ae.", () => ReadAdverseEvent("ae.", "ae."), (input, actor) => Store.RecordAsync(Trial.Id, participantId, input, actor), TermField);

    /// <summary>The form field a rule's problem belongs to: the term's go to "Other, specify" when the term was written there.</summary>
    private string TermField(string field) => field == "term" && otherTerm ? "otherTerm" : field;

    /// <summary>
    /// Reads an adverse event from the fields named <paramref name="names"/>*; messages go under <paramref name="prefix"/>*.
    /// When a field cannot be read (no date, a term not in the list), the rules still run on the rest so that every
    /// message is shown at once.
    /// </summary>
    private CaptureInput? ReadAdverseEvent(string names, string prefix)
    {
        var date = ReadDate(names + "date", "onset date", prefix + "date");
        var end = ReadEndDate(names + "endDate", out bool endValid, prefix + "endDate");
        string? term = ReadTerm(names, prefix);
        string? seriousText = Read(names + "serious");
        var criteria = ReadCriteria(names + "seriousCriteria");
        var assessment = new AdverseEventAssessment(seriousText switch { "yes" => true, "no" => false, _ => null }, criteria,
            AdverseEventCodes.ParseAttribution(Read(names + "attribution")), AdverseEventCodes.ParseAction(Read(names + "actionTaken")),
            AdverseEventCodes.ParseOutcome(Read(names + "outcome")));
        var input = new CaptureInput(CaptureKind.AdverseEvent, date ?? DateOnly.FromDateTime(Randomization.RandomizedAt.UtcDateTime), null, term, ReadGrade(names + "grade"))
        {
            EndDate = endValid ? end : null,
            Assessment = assessment,
        };
        if (date is not null && endValid && term is not null) return input;
        var unread = new HashSet<string>(StringComparer.Ordinal) { "date", "endDate", "term" };
        var rest = CaptureRules.Problems(input, DateOnly.MinValue, DateOnly.MaxValue, [], TermList).Where(p => !unread.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        Errors.AddRange(rest, f => prefix + f);
        return null;
    }

    /// <summary>The term: a listed one (in the list's spelling), the text under "Other, specify" when the list allows it, or free text when there is no list.</summary>
    private string? ReadTerm(string names, string prefix)
    {
        string? text = Read(names + "term")?.Trim(), other = Read(names + "otherTerm")?.Trim();
        otherTerm = false;
        var list = TermList;
        if (string.IsNullOrEmpty(text))
        {
            Errors.Add(prefix + "term", list is null ? "Enter the adverse event's CTCAE term." : "Choose the adverse event's term from the protocol's list.");
            return null;
        }
        if (list is null) return text;
        if (list.Find(text) is { } listed) return listed.Term;
        if (list.OtherAllowed && string.Equals(text, AdverseEventLabels.OtherSpecify, StringComparison.OrdinalIgnoreCase))
        {
            otherTerm = true;
            if (!string.IsNullOrEmpty(other)) return other;
            Errors.Add(prefix + "otherTerm", "Write the term of the adverse event that is not in the protocol's list.");
            return null;
        }
        Errors.Add(prefix + "term", list.OtherAllowed
            ? $"'{text}' is not in the protocol's term list; choose one of its terms, or '{AdverseEventLabels.OtherSpecify}' and write the term."
            : $"'{text}' is not in the protocol's term list; choose one of its terms.");
        return null;
    }

    /// <summary>The criteria ticked (every value of the checkbox group; unknown values are ignored, as no checkbox sends them).</summary>
    private SeriousCriteria ReadCriteria(string name)
    {
        var values = Request.Form.TryGetValue(name, out var v) ? v.Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).ToArray() : [];
        if (!name.StartsWith("c.", StringComparison.Ordinal)) posted[name] = string.Join(',', values);
        var met = SeriousCriteria.None;
        foreach (string value in values)
            if (AdverseEventCodes.TryParseCriteria([value], out var one, out _)) met |= one;
        return met;
    }
}

/// <summary>What the adverse-event fields partial shows: the page, the prefixes, and each field's value as posted or stored.</summary>
/// <param name="Page">The participant page.</param>
/// <param name="Prefix">The message prefix: <c>ae</c> or <c>cN</c>.</param>
/// <param name="Names">The input names' prefix: <c>ae</c> or <c>c</c>.</param>
/// <param name="Term">The term chosen (or "Other, specify").</param>
/// <param name="OtherTerm">The term written under "Other, specify".</param>
/// <param name="Grade">The grade.</param>
/// <param name="Date">The onset date, yyyy-MM-dd.</param>
/// <param name="EndDate">The end date, yyyy-MM-dd.</param>
/// <param name="Serious"><c>yes</c> or <c>no</c>.</param>
/// <param name="Criteria">The criteria ticked (wire names).</param>
/// <param name="Attribution">The attribution (wire name).</param>
/// <param name="ActionTaken">The action taken (wire name).</param>
/// <param name="Outcome">The outcome (wire name).</param>
public sealed record AdverseEventFormView(ParticipantModel Page, string Prefix, string Names, string? Term, string? OtherTerm, string? Grade, string? Date, string? EndDate,
    string? Serious, IReadOnlyCollection<string> Criteria, string? Attribution, string? ActionTaken, string? Outcome);
