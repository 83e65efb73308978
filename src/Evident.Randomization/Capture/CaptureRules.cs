using Evident.Protocol;

namespace Evident.Randomization.Capture;

/// <summary>
/// The validation of a captured entry against the participant's randomization date, today's date and the participant's
/// other current entries. Pure; the store runs it inside the write transaction.
/// </summary>
/// <remarks>
/// Rules: the date is not before the randomization date and not after today (UTC, from the injected clock); a relapse
/// has a site among <see cref="CaptureKinds.RelapseSites"/> and nothing else has one; an adverse event has a term of 1–200
/// printable characters and a grade 1–5, and other kinds have neither; only an adverse event has an end (resolution)
/// date, which is not before its onset and not after today; at most one death per participant; no entry is dated (or
/// ends) after the death, and a death may not be dated before an existing entry's date or end date. An off-study record
/// (off protocol therapy, withdrawal of consent, lost to follow-up) has a reason of 1–500 printable characters, at most
/// one of each kind per participant; a withdrawal says whether follow-up data may still be collected, and no other kind
/// says so. After a withdrawal that allows no further follow-up, nothing is dated (or ends) after it, and such a
/// withdrawal may not be dated before an existing entry's date or end date. An adverse event's term and assessment
/// follow <see cref="AdverseEventRules"/> (the protocol's term list, seriousness, attribution, action taken, outcome).
/// </remarks>
public static class CaptureRules
{
    /// <summary>The longest CTCAE term accepted.</summary>
    public const int MaxTermLength = 200;

    /// <summary>The longest off-study reason accepted.</summary>
    public const int MaxOffStudyReasonLength = 500;

    /// <summary>The problems of <paramref name="input"/>, by field; empty when it is valid.</summary>
    /// <param name="input">The entry's content.</param>
    /// <param name="randomized">The participant's randomization date.</param>
    /// <param name="today">Today's date.</param>
    /// <param name="others">The participant's other current entries (for a correction, without the entry corrected).</param>
    /// <param name="terms">The protocol's adverse-event term list, or null when it has none (then any term is accepted).</param>
    public static IReadOnlyDictionary<string, string[]> Problems(CaptureInput input, DateOnly randomized, DateOnly today, IEnumerable<CaptureInput> others,
        AdverseEventTerms? terms = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(others);
        var problems = new Found();
        if (input.Date < randomized) problems.Add("date", $"The date {input.Date:yyyy-MM-dd} is before the randomization date {randomized:yyyy-MM-dd}.");
        if (input.Date > today) problems.Add("date", $"The date {input.Date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
        CheckRelapseSite(input, problems);
        if (input.Kind == CaptureKind.AdverseEvent)
        {
            CheckAdverseEvent(input, today, problems);
            AdverseEventRules.Check(input, terms, problems);
        }
        else CheckNotAdverseEvent(input, problems);
        if (CaptureKinds.IsOffStudy(input.Kind)) CheckOffStudy(input, others, problems);
        else CheckNotOffStudy(input, problems);
        CheckDeath(input, others, problems);
        CheckWithdrawal(input, others, problems);
        return problems.ByField();
    }

    private static void CheckRelapseSite(CaptureInput input, Found problems)
    {
        if (input.Kind != CaptureKind.Relapse)
        {
            if (input.RelapseSite is not null) problems.Add("relapseSite", "Only a relapse has a relapse site.");
        }
        else if (input.RelapseSite is null || !CaptureKinds.RelapseSites.Contains(input.RelapseSite))
        {
            problems.Add("relapseSite", "A relapse needs its site: isolated bone marrow, isolated CNS, combined or other.");
        }
    }

    private static void CheckAdverseEvent(CaptureInput input, DateOnly today, Found problems)
    {
        if (string.IsNullOrWhiteSpace(input.Term) || input.Term.Length > MaxTermLength || input.Term.Any(char.IsControl) || input.Term.Trim().Length != input.Term.Length)
            problems.Add("term", $"An adverse event needs its CTCAE term: 1 to {MaxTermLength} characters without control characters or surrounding spaces.");
        if (input.Grade is not (>= 1 and <= 5)) problems.Add("grade", "The CTCAE grade must be a whole number from 1 to 5.");
        if (input.EndDate is not { } end) return;
        if (end < input.Date) problems.Add("endDate", $"The end date {end:yyyy-MM-dd} is before the onset date {input.Date:yyyy-MM-dd}.");
        if (end > today) problems.Add("endDate", $"The end date {end:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
    }

    private static void CheckNotAdverseEvent(CaptureInput input, Found problems)
    {
        if (input.EndDate is not null) problems.Add("endDate", "Only an adverse event has an end date.");
        if (input.Term is not null) problems.Add("term", "Only an adverse event has a term.");
        if (input.Grade is not null) problems.Add("grade", "Only an adverse event has a grade.");
        if (input.Assessment is not null) problems.Add("serious", "Only an adverse event has seriousness, attribution, action taken and outcome.");
    }

    private static void CheckOffStudy(CaptureInput input, IEnumerable<CaptureInput> others, Found problems)
    {
        string? reason = input.OffStudyReason;
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxOffStudyReasonLength || reason.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            problems.Add("offStudyReason", $"Give the reason: 1 to {MaxOffStudyReasonLength} characters.");
        if (input.Kind == CaptureKind.Withdrawn && input.FollowUpAllowed is null)
            problems.Add("followUpAllowed", "Say whether follow-up data may still be collected after the withdrawal of consent.");
        if (input.Kind != CaptureKind.Withdrawn && input.FollowUpAllowed is not null)
            problems.Add("followUpAllowed", "Only a withdrawal of consent says whether follow-up data may still be collected.");
        if (others.FirstOrDefault(o => o.Kind == input.Kind) is { } same)
            problems.Add("kind", $"The participant's {OffStudyNoun(input.Kind)} is recorded already (on {same.Date:yyyy-MM-dd}); correct that entry instead.");
    }

    private static void CheckNotOffStudy(CaptureInput input, Found problems)
    {
        if (input.OffStudyReason is not null) problems.Add("offStudyReason", "Only an off-study record has an off-study reason.");
        if (input.FollowUpAllowed is not null) problems.Add("followUpAllowed", "Only a withdrawal of consent says whether follow-up data may still be collected.");
    }

    /// <summary>The words for an off-study kind inside a sentence.</summary>
    private static string OffStudyNoun(CaptureKind kind) => kind switch
    {
        CaptureKind.OffTherapy => "end of protocol therapy",
        CaptureKind.Withdrawn => "withdrawal of consent",
        _ => "loss to follow-up",
    };

    /// <summary>After a withdrawal that allows no further follow-up, nothing is dated or ends after it (see the type's remarks).</summary>
    private static void CheckWithdrawal(CaptureInput input, IEnumerable<CaptureInput> others, Found problems)
    {
        if (others.FirstOrDefault(o => o.Kind == CaptureKind.Withdrawn && o.FollowUpAllowed == false) is { } w)
        {
            if (input.Date > w.Date)
                problems.Add("date", $"The date {input.Date:yyyy-MM-dd} is after the participant's withdrawal of consent on {w.Date:yyyy-MM-dd}, which allows no further follow-up data.");
            if (input.EndDate is { } end && end > w.Date)
                problems.Add("endDate", $"The end date {end:yyyy-MM-dd} is after the participant's withdrawal of consent on {w.Date:yyyy-MM-dd}, which allows no further follow-up data.");
        }
        if (input.Kind != CaptureKind.Withdrawn || input.FollowUpAllowed != false) return;
        var later = others.Select(o => o.EndDate is { } e && e > o.Date ? e : o.Date).Where(d => d > input.Date).DefaultIfEmpty().Max();
        if (later != default)
            problems.Add("followUpAllowed", $"Data dated {later:yyyy-MM-dd} are recorded after this withdrawal on {input.Date:yyyy-MM-dd}; a withdrawal that allows no further follow-up must come after them.");
    }

    /// <summary>At most one death, nothing dated (or ending) after it, and a death not before any other entry's date or end.</summary>
    private static void CheckDeath(CaptureInput input, IEnumerable<CaptureInput> others, Found problems)
    {
        DateOnly? death = null, latest = null, latestEnd = null;
        foreach (var other in others)
        {
            if (other.Kind == CaptureKind.Death) death = other.Date;
            if (latest is null || other.Date > latest) latest = other.Date;
            if (other.EndDate is { } otherEnd && (latestEnd is null || otherEnd > latestEnd)) latestEnd = otherEnd;
        }
        if (input.Kind == CaptureKind.Death && death is not null)
            problems.Add("kind", $"The participant's death is recorded already (on {death:yyyy-MM-dd}); correct that entry instead.");
        if (death is { } d)
        {
            if (input.Date > d) problems.Add("date", $"The date {input.Date:yyyy-MM-dd} is after the participant's death on {d:yyyy-MM-dd}.");
            if (input.EndDate is { } end && end > d) problems.Add("endDate", $"The end date {end:yyyy-MM-dd} is after the participant's death on {d:yyyy-MM-dd}.");
        }
        if (input.Kind != CaptureKind.Death) return;
        if (latest is { } l && l > input.Date)
            problems.Add("date", $"The death date {input.Date:yyyy-MM-dd} is before another entry dated {l:yyyy-MM-dd}; nothing may follow death.");
        else if (latestEnd is { } le && le > input.Date)
            problems.Add("date", $"The death date {input.Date:yyyy-MM-dd} is before the end date {le:yyyy-MM-dd} of an adverse event; nothing may follow death.");
    }

    /// <summary>Messages by field, each field's in the order found.</summary>
    internal sealed class Found
    {
        private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

        public void Add(string field, string message)
        {
            if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
            list.Add(message);
        }

        public IReadOnlyDictionary<string, string[]> ByField() => byField.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
