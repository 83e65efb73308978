using Evident.Randomization;
using System.Globalization;
using Evident.Server.Contracts;
using Evident.Randomization.Accounts;
using Evident.Randomization.Capture;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/participants/{participantId}</c>: one participant's randomization, the timeline of current entries by
/// date, the full version history (who, when, why), and (for admins and the participant's site coordinator) forms to
/// record follow-up events, adverse events and off-study records and to correct an entry with a reason. Entries are written through
/// <see cref="CaptureStorage"/>, so <see cref="CaptureRules"/> decides what is valid and its messages are shown next to
/// the fields; nothing is stored when a rule fails. Data queries on the entries: ParticipantQueries.cs. Another site's participant is 404 to a coordinator, as if absent.
/// </summary>
/// <param name="store">The trial store.</param>
public sealed partial class ParticipantModel(TrialStore store) : TrialPageModel(store)
{
    private readonly Dictionary<string, string> posted = new(StringComparer.Ordinal);

    /// <summary>The participant's randomization.</summary>
    public Allocation Randomization { get; private set; } = null!;

    /// <summary>The current version of each entry, by date then entry id.</summary>
    public IReadOnlyList<CaptureEntry> Timeline { get; private set; } = [];

    /// <summary>Every version of every entry, by entry then version.</summary>
    public IReadOnlyList<CaptureEntry> History { get; private set; } = [];

    /// <summary>The messages shown next to the fields (<c>fu.*</c> follow-up, <c>ae.*</c> adverse event, <c>cN.*</c> correction of entry N).</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The entry just recorded or corrected (from the redirect after a write), or null.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Saved { get; set; }

    /// <summary>Whether the signed-in user may record for this participant (admins and coordinators; not after invalidation).</summary>
    public bool MayRecord => CanRecord && Randomization.InvalidatedAt is null;

    /// <summary>
    /// Whether the signed-in user may unblind this participant in an emergency: a blinded trial, a role that does not see
    /// arms but may unblind (admins and site coordinators, as <c>POST …/unblind</c> allows), a valid randomization.
    /// </summary>
    public bool MayUnblind => Trial.Blinded && !SeesArms && (Role is TrialRole.Admin or TrialRole.SiteCoordinator) && Randomization.InvalidatedAt is null;

    /// <summary>The arm's label, right after an emergency unblinding on this request; else null (it is never shown again).</summary>
    public string? UnblindedArm { get; private set; }

    /// <summary>The protocol's safety terms of interest, offered as suggestions for the CTCAE term.</summary>
    public IReadOnlyList<string> SafetyTerms => Trial.Protocol.Analyses.Safety?.Terms ?? [];

    /// <summary>The value posted for a field (to show it again with its message), else <paramref name="fallback"/>.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="fallback">The value otherwise shown.</param>
    public string? Value(string field, string? fallback = null) => posted.TryGetValue(field, out var v) ? v : fallback;

    /// <summary>Shows the participant.</summary>
    /// <param name="participantId">The participant.</param>
    public async Task<IActionResult> OnGetAsync(string participantId) => await LoadAsync(participantId) ? Page() : NotFound();

    /// <summary>Records a follow-up event (<c>fu.kind</c>, <c>fu.date</c>, <c>fu.relapseSite</c>).</summary>
    /// <param name="participantId">The participant.</param>
    public Task<IActionResult> OnPostFollowUpAsync(string participantId) => WriteAsync(participantId, "fu.", () =>
    {
        var kind = ReadKind("fu.", adverse: false);
        var date = ReadDate("fu.date", "date");
        if (kind is null || date is null) return null;
        return new CaptureInput(kind.Value, date.Value, kind == CaptureKind.Relapse ? Read("fu.relapseSite") : null, null, null);
    }, (input, actor) => Store.RecordAsync(Trial.Id, participantId, input, actor));

    /// <summary>
    /// Records an off-study record (<c>os.kind</c> off_therapy | withdrawn | lost_to_follow_up, <c>os.date</c>,
    /// <c>os.reason</c>, <c>os.followUpAllowed</c> yes | no for a withdrawal).
    /// </summary>
    /// <param name="participantId">The participant.</param>
    public Task<IActionResult> OnPostOffStudyAsync(string participantId) => WriteAsync(participantId, "os.", () =>
    {
        string? text = Read("os.kind");
        CaptureKind? kind = CaptureKinds.TryParse(text, out var k) && CaptureKinds.IsOffStudy(k) ? k : null;
        if (kind is null) Errors.Add("os.kind", "Choose what happened: off protocol therapy, withdrawal of consent or lost to follow-up.");
        var date = ReadDate("os.date", "date");
        if (kind is null || date is null) return null;
        return OffStudyInput(kind.Value, date.Value, Read("os.reason"), Read("os.followUpAllowed"));
    }, (input, actor) => Store.RecordAsync(Trial.Id, participantId, input, actor), field => field == "offStudyReason" ? "reason" : field);

    /// <summary>An off-study record's content: the reason trimmed, follow-up allowed only for a withdrawal (yes/no, else null for the rules to name).</summary>
    private static CaptureInput OffStudyInput(CaptureKind kind, DateOnly date, string? reason, string? followUp) =>
        new(kind, date, null, null, null)
        {
            OffStudyReason = reason?.Trim() ?? "",
            FollowUpAllowed = kind != CaptureKind.Withdrawn ? null : followUp switch { "yes" => true, "no" => false, _ => null },
        };

    /// <summary>Corrects entry <paramref name="entryId"/>: a new version with a reason (<c>c.kind</c>, <c>c.date</c>, <c>c.relapseSite</c>, <c>c.term</c>, <c>c.grade</c>, <c>c.endDate</c>, <c>c.reason</c>).</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="entryId">The entry.</param>
    public Task<IActionResult> OnPostCorrectAsync(string participantId, long entryId)
    {
        string prefix = $"c{entryId}.";
        return WriteAsync(participantId, prefix, () =>
        {
            foreach (string name in new[] { "kind", "date", "relapseSite", "term", "otherTerm", "grade", "endDate", "reason", "offStudyReason", "followUpAllowed",
                                            "serious", "seriousCriteria", "attribution", "actionTaken", "outcome" })
                if (Request.Form.TryGetValue("c." + name, out var v)) posted[prefix + name] = string.Join(',', v.Where(x => !string.IsNullOrEmpty(x)));
            string? reason = Read("c.reason")?.Trim();
            if (string.IsNullOrEmpty(reason) || reason.Length > ReasonBody.MaxLength)
                Errors.Add(prefix + "reason", $"Give the reason for the correction (1 to {ReasonBody.MaxLength} characters); earlier versions are kept.");
            var kind = ReadKind(prefix, adverse: null, name: "c.kind");
            if (kind == CaptureKind.AdverseEvent)
            {
                var ae = ReadAdverseEvent("c.", prefix);
                return Errors.Any ? null : ae;
            }
            var date = ReadDate("c.date", "date", prefix + "date");
            if (kind is null || date is null || Errors.Any) return null;
            if (CaptureKinds.IsOffStudy(kind.Value)) return OffStudyInput(kind.Value, date.Value, Read("c.offStudyReason"), Read("c.followUpAllowed"));
            return new CaptureInput(kind.Value, date.Value, kind == CaptureKind.Relapse ? Read("c.relapseSite") : null, null, null);
        }, (input, actor) => Store.CorrectAsync(Trial.Id, participantId, entryId, input, Read("c.reason")!.Trim(), actor), TermField);
    }

    /// <summary>
    /// Emergency unblinding (<see cref="MayUnblind"/>), with a reason (<c>ub.reason</c>): the store records who, when and
    /// why (audit trail and the unblindings list the DSMB reads), and this response alone shows the arm.
    /// </summary>
    /// <param name="participantId">The participant.</param>
    public async Task<IActionResult> OnPostUnblindAsync(string participantId)
    {
        if (!await LoadAsync(participantId)) return NotFound();
        if (!MayUnblind) return StatusCode(StatusCodes.Status403Forbidden);
        string? reason = Read("ub.reason")?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReasonBody.MaxLength)
        {
            Errors.Add("ub.reason", $"Give the medical reason for unblinding (1 to {ReasonBody.MaxLength} characters); it goes to the audit trail and the DSMB.");
            return Refused(StatusCodes.Status400BadRequest);
        }
        var r = await Store.UnblindAsync(Trial.Id, participantId, reason, Caller.Name);
        if (r is null) return NotFound();
        UnblindedArm = Trial.Protocol.Arms.FirstOrDefault(a => a.Id == r.Arm)?.Label ?? r.Arm;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>Invalidates the randomization (admins only), with a reason (<c>inv.reason</c>); it is kept and audited, never deleted.</summary>
    /// <param name="participantId">The participant.</param>
    public async Task<IActionResult> OnPostInvalidateAsync(string participantId)
    {
        if (!await LoadAsync(participantId)) return NotFound();
        if (Role != TrialRole.Admin) return StatusCode(StatusCodes.Status403Forbidden);
        string? reason = Read("inv.reason")?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReasonBody.MaxLength)
        {
            Errors.Add("inv.reason", $"Give the reason for invalidating (1 to {ReasonBody.MaxLength} characters).");
            return Refused(StatusCodes.Status400BadRequest);
        }
        try
        {
            await Store.InvalidateAsync(Trial.Id, participantId, reason, Caller.Name);
        }
        catch (StoreConflictException e)
        {
            Errors.Add("inv.reason", e.Message);
            return Refused(StatusCodes.Status409Conflict);
        }
        return LocalRedirect(TrialPath("participants", participantId) + "#randomization");
    }

    private async Task<IActionResult> WriteAsync(string participantId, string prefix, Func<CaptureInput?> read, Func<CaptureInput, string, Task<CaptureEntry>> write,
        Func<string, string>? field = null)
    {
        if (!await LoadAsync(participantId)) return NotFound();
        if (!CanRecord) return StatusCode(StatusCodes.Status403Forbidden);
        var input = read();
        if (input is null) return Refused(StatusCodes.Status400BadRequest);
        try
        {
            var entry = await write(input, Caller.Name);
            return LocalRedirect($"{TrialPath("participants", participantId)}?saved={entry.EntryId.ToString(CultureInfo.InvariantCulture)}#timeline");
        }
        catch (CaptureValidationException e)
        {
            Errors.AddRange(e.Problems, f => prefix + (field is null ? f : field(f)));
            return Refused(StatusCodes.Status400BadRequest);
        }
        catch (StoreConflictException e)
        {
            Errors.Add(prefix + "kind", e.Message);
            return Refused(StatusCodes.Status409Conflict);
        }
        catch (StoreNotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(string participantId)
    {
        var r = await Store.GetRandomizationAsync(Trial.Id, participantId);
        if (r is null || !MaySee(r.Site)) return false;
        Randomization = r;
        History = await Store.HistoryAsync(Trial.Id, participantId);
        Timeline = History.GroupBy(e => e.EntryId).Select(g => g.Last()).OrderBy(e => e.Content.Date).ThenBy(e => e.EntryId).ToArray();
        Queries = await Store.ListQueriesAsync(Trial.Id, r.Site, participantId);
        SeriousEventReviews = await Store.ListSeriousEventReviewsAsync(Trial.Id, participantId);
        return true;
    }

    private string? Read(string name)
    {
        string? value = Request.Form.TryGetValue(name, out var v) ? v.ToString() : null;
        if (value is not null && !name.StartsWith("c.", StringComparison.Ordinal)) posted[name] = value;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private CaptureKind? ReadKind(string prefix, bool? adverse, string? name = null)
    {
        string? text = Read(name ?? prefix + "kind");
        if (CaptureKinds.TryParse(text, out var kind) && (adverse is null || (kind == CaptureKind.AdverseEvent) == adverse)) return kind;
        Errors.Add(prefix + "kind", "Choose what happened: relapse, death, second malignancy or last contact.");
        return null;
    }

    private DateOnly? ReadDate(string name, string what, string? field = null)
    {
        string? text = Read(name);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Errors.Add(field ?? name, text is null ? $"Enter the {what}." : $"'{text}' is not a date; enter the {what} as yyyy-MM-dd, for example 2026-03-02.");
        return null;
    }

    /// <summary>An optional end date: empty is null (ongoing) and valid; anything but yyyy-MM-dd is a message.</summary>
    private DateOnly? ReadEndDate(string name, out bool valid, string? field = null)
    {
        string? text = Read(name);
        valid = true;
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        valid = false;
        Errors.Add(field ?? name, $"'{text}' is not a date; enter the end date as yyyy-MM-dd, for example 2026-03-02, or leave it empty while the event is ongoing.");
        return null;
    }

    private int? ReadGrade(string name) =>
        int.TryParse(Read(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int grade) ? grade : null;

    private PageResult Refused(int status)
    {
        Saved = null;
        Response.StatusCode = status;
        return Page();
    }
}
