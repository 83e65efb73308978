using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Randomization.Participants;
using Evident.Server.Features;
using Evident.Storage;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}/participants</c>: the randomized participants (a coordinator sees their own site's only), searched by
/// id, sorted and paged by <see cref="ParticipantListing"/> exactly as <c>GET /trials/{id}/participants</c>, each with
/// stratum, last contact, events, open adverse events, open queries and status; an arm column only for roles that may
/// see arms. Parameters out of range fall back to the defaults (the first page, by randomization).
/// </summary>
/// <param name="store">The trial store.</param>
public sealed class ParticipantsModel(TrialStore store) : TrialPageModel(store)
{
    /// <summary>The participants of this page.</summary>
    public IReadOnlyList<ParticipantSummary> Participants { get; private set; } = [];

    /// <summary>How many participants match the search (on every page).</summary>
    public int Matching { get; private set; }

    /// <summary>How many participants the caller may see, searched or not.</summary>
    public int Total { get; private set; }

    /// <summary>The listing shown.</summary>
    public ParticipantListing Listing { get; private set; } = Default(null);

    /// <summary>The number of pages (at least 1).</summary>
    public int Pages => Math.Max(1, (Matching + Listing.PageSize - 1) / Listing.PageSize);

    /// <summary>The sites' labels by id.</summary>
    public IReadOnlyDictionary<string, string> SiteLabels { get; private set; } = new Dictionary<string, string>();

    /// <summary>Why the search text was refused, or null.</summary>
    public string? SearchProblem { get; private set; }

    /// <summary>Loads the page.</summary>
    /// <param name="search">Text the participant id must contain.</param>
    /// <param name="sort">The order's wire name (<see cref="ParticipantListing.SortNames"/>).</param>
    /// <param name="order"><c>asc</c> or <c>desc</c>.</param>
    public async Task OnGetAsync(string? search, string? sort, string? order)
    {
        // "page" is Razor Pages' own route value (the page's name), so the page number is read from the query string.
        int page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 1;
        if (search is { Length: > ParticipantListing.MaxSearch })
        {
            SearchProblem = $"The search text may have at most {ParticipantListing.MaxSearch} characters.";
            search = null;
        }
        Listing = ParticipantListEndpoints.Parse(search, sort, order, page, ParticipantListing.DefaultPageSize) ?? Default(search);
        var all = await Store.ListParticipantSummariesAsync(Trial.Id, Role == TrialRole.SiteCoordinator ? CallerSite : null);
        (Participants, Matching) = Listing.Apply(all);
        Total = all.Count;
        SiteLabels = (await Store.ListSitesAsync(Trial.Id)).ToDictionary(s => s.Id, s => s.Label);
    }

    /// <summary>The address of this list with the current search and another order or page.</summary>
    /// <param name="sort">The order.</param>
    /// <param name="descending">Whether it is reversed.</param>
    /// <param name="page">The page.</param>
    public string ListPath(ParticipantSort sort, bool descending, int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Listing.Search)) query.Add("search=" + Uri.EscapeDataString(Listing.Search));
        query.Add("sort=" + ParticipantListing.Name(sort));
        if (descending) query.Add("order=desc");
        if (page > 1) query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return TrialPath("participants") + "?" + string.Join("&", query);
    }

    /// <summary>The link of a column header: sorts by <paramref name="sort"/>, reversing the order when it is already the sort.</summary>
    /// <param name="sort">The column's order.</param>
    public string SortPath(ParticipantSort sort) => ListPath(sort, Listing.Sort == sort && !Listing.Descending, 1);

    /// <summary>The <c>aria-sort</c> of a column header: ascending, descending or none.</summary>
    /// <param name="sort">The column's order.</param>
    public string AriaSort(ParticipantSort sort) => Listing.Sort != sort ? "none" : Listing.Descending ? "descending" : "ascending";

    /// <summary>The site's label, else its id.</summary>
    /// <param name="site">A site id.</param>
    public string SiteLabel(string site) => SiteLabels.TryGetValue(site, out var label) ? label : site;

    /// <summary>The words of a status, e.g. "Lost to follow-up".</summary>
    /// <param name="status">The status.</param>
    public static string StatusLabel(ParticipantStatus status) => status switch
    {
        ParticipantStatus.OnStudy => "On study",
        ParticipantStatus.OffTherapy => "Off protocol therapy",
        ParticipantStatus.Withdrawn => "Withdrawn",
        ParticipantStatus.LostToFollowUp => "Lost to follow-up",
        ParticipantStatus.Dead => "Dead",
        _ => "Randomization invalidated",
    };

    /// <summary>The words of an order, for the caption, e.g. "last contact, latest first".</summary>
    public string OrderDescription => Listing.Sort switch
    {
        ParticipantSort.ParticipantId => Listing.Descending ? "participant, Z to A" : "participant, A to Z",
        ParticipantSort.LastContact => Listing.Descending ? "last contact, latest first" : "last contact, earliest first",
        ParticipantSort.Status => Listing.Descending ? "status, invalidated first" : "status, on study first",
        _ => Listing.Descending ? "randomization, latest first" : "randomization, earliest first",
    };

    private static ParticipantListing Default(string? search) =>
        new(search, ParticipantSort.Randomized, false, 1, ParticipantListing.DefaultPageSize);
}
