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
/// ends) after the death, and a death may not be dated before an existing entry's date or end date.
/// </remarks>
public static class CaptureRules
{
    /// <summary>The longest CTCAE term accepted.</summary>
    public const int MaxTermLength = 200;

    /// <summary>The problems of <paramref name="input"/>, by field; empty when it is valid.</summary>
    /// <param name="input">The entry's content.</param>
    /// <param name="randomized">The participant's randomization date.</param>
    /// <param name="today">Today's date.</param>
    /// <param name="others">The participant's other current entries (for a correction, without the entry corrected).</param>
    public static IReadOnlyDictionary<string, string[]> Problems(CaptureInput input, DateOnly randomized, DateOnly today, IEnumerable<CaptureInput> others)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(others);
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list)) problems[field] = list = [];
            list.Add(message);
        }

        if (input.Date < randomized) Add("date", $"The date {input.Date:yyyy-MM-dd} is before the randomization date {randomized:yyyy-MM-dd}.");
        if (input.Date > today) Add("date", $"The date {input.Date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");

        if (input.Kind == CaptureKind.Relapse)
        {
            if (input.RelapseSite is null || !CaptureKinds.RelapseSites.Contains(input.RelapseSite))
                Add("relapseSite", $"A relapse needs its site: one of {string.Join(", ", CaptureKinds.RelapseSites)}.");
        }
        else if (input.RelapseSite is not null) Add("relapseSite", "Only a relapse has a relapse site.");

        if (input.Kind == CaptureKind.AdverseEvent)
        {
            if (string.IsNullOrWhiteSpace(input.Term) || input.Term.Length > MaxTermLength || input.Term.Any(char.IsControl) || input.Term.Trim().Length != input.Term.Length)
                Add("term", $"An adverse event needs its CTCAE term: 1 to {MaxTermLength} characters without control characters or surrounding spaces.");
            if (input.Grade is not (>= 1 and <= 5)) Add("grade", "The CTCAE grade must be a whole number from 1 to 5.");
            if (input.EndDate is { } end)
            {
                if (end < input.Date) Add("endDate", $"The end date {end:yyyy-MM-dd} is before the onset date {input.Date:yyyy-MM-dd}.");
                if (end > today) Add("endDate", $"The end date {end:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
            }
        }
        else
        {
            if (input.EndDate is not null) Add("endDate", "Only an adverse event has an end date.");
            if (input.Term is not null) Add("term", "Only an adverse event has a term.");
            if (input.Grade is not null) Add("grade", "Only an adverse event has a grade.");
        }

        DateOnly? death = null, latest = null, latestEnd = null;
        foreach (var other in others)
        {
            if (other.Kind == CaptureKind.Death) death = other.Date;
            if (latest is null || other.Date > latest) latest = other.Date;
            if (other.EndDate is { } otherEnd && (latestEnd is null || otherEnd > latestEnd)) latestEnd = otherEnd;
        }
        if (input.Kind == CaptureKind.Death && death is not null)
            Add("kind", $"The participant's death is recorded already (on {death:yyyy-MM-dd}); correct that entry instead.");
        if (death is { } d)
        {
            if (input.Date > d) Add("date", $"The date {input.Date:yyyy-MM-dd} is after the participant's death on {d:yyyy-MM-dd}.");
            if (input.EndDate is { } end && end > d) Add("endDate", $"The end date {end:yyyy-MM-dd} is after the participant's death on {d:yyyy-MM-dd}.");
        }
        if (input.Kind == CaptureKind.Death)
        {
            if (latest is { } l && l > input.Date)
                Add("date", $"The death date {input.Date:yyyy-MM-dd} is before another entry dated {l:yyyy-MM-dd}; nothing may follow death.");
            else if (latestEnd is { } le && le > input.Date)
                Add("date", $"The death date {input.Date:yyyy-MM-dd} is before the end date {le:yyyy-MM-dd} of an adverse event; nothing may follow death.");
        }

        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
