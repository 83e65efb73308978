namespace Evident.Randomization.Participants;

/// <summary>
/// One page of a participant list: those whose id contains <see cref="Search"/> (ignoring case), in the order of
/// <see cref="Sort"/> (descending when <see cref="Descending"/>; ties by participant id, ascending), page
/// <see cref="Page"/> of <see cref="PageSize"/>. The API and the pages share it, so both list the same participants.
/// </summary>
/// <param name="Search">Text the participant id must contain, or null / empty for every participant.</param>
/// <param name="Sort">The order.</param>
/// <param name="Descending">Whether the order is reversed (ties stay by id, ascending).</param>
/// <param name="Page">The page, 1 or more.</param>
/// <param name="PageSize">Participants per page, 1 to <see cref="MaxPageSize"/>.</param>
public sealed record ParticipantListing(string? Search, ParticipantSort Sort, bool Descending, int Page, int PageSize)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The longest search text (a participant id is at most 64 characters).</summary>
    public const int MaxSearch = 64;

    /// <summary>The wire names of the orders, as the API and the pages' links write them.</summary>
    public static IReadOnlyList<(ParticipantSort Sort, string Name)> SortNames { get; } =
    [
        (ParticipantSort.ParticipantId, "participant"),
        (ParticipantSort.Randomized, "randomized"),
        (ParticipantSort.LastContact, "last_contact"),
        (ParticipantSort.Status, "status"),
    ];

    /// <summary>The wire name of <paramref name="sort"/>.</summary>
    /// <param name="sort">The order.</param>
    public static string Name(ParticipantSort sort) => SortNames.First(s => s.Sort == sort).Name;

    /// <summary>Parses a wire name written by <see cref="Name"/>; false when unknown.</summary>
    /// <param name="name">The name.</param>
    /// <param name="sort">The order, when known.</param>
    public static bool TryParseSort(string? name, out ParticipantSort sort)
    {
        foreach (var (s, n) in SortNames)
            if (n == name)
            {
                sort = s;
                return true;
            }
        sort = ParticipantSort.Randomized;
        return false;
    }

    /// <summary>Selects, orders and cuts the page out of <paramref name="participants"/>.</summary>
    /// <param name="participants">Every participant the caller may see.</param>
    /// <returns>The page and how many participants matched the search.</returns>
    public (IReadOnlyList<ParticipantSummary> Page, int Matching) Apply(IEnumerable<ParticipantSummary> participants)
    {
        ArgumentNullException.ThrowIfNull(participants);
        var matching = participants.Where(p => string.IsNullOrEmpty(Search) || p.Randomization.ParticipantId.Contains(Search, StringComparison.OrdinalIgnoreCase)).ToArray();
        var ordered = Sort switch
        {
            ParticipantSort.ParticipantId => Order(matching, p => p.Randomization.ParticipantId, StringComparer.Ordinal),
            ParticipantSort.LastContact => Order(matching, p => p.LastContact, Comparer<DateOnly>.Default),
            ParticipantSort.Status => Order(matching, p => p.Status, Comparer<ParticipantStatus>.Default),
            _ => Order(matching, p => p.Randomization.Id, Comparer<long>.Default),
        };
        var page = ordered.ThenBy(p => p.Randomization.ParticipantId, StringComparer.Ordinal)
                          .Skip((int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize)).Take(PageSize).ToArray();
        return (page, matching.Length);
    }

    private IOrderedEnumerable<ParticipantSummary> Order<TKey>(IEnumerable<ParticipantSummary> items, Func<ParticipantSummary, TKey> key, IComparer<TKey> comparer) =>
        Descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);
}
