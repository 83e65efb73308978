using Evident.Server.Features;
using Evident.Storage;

namespace Evident.Server.Pages.Trial;

/// <summary>
/// <c>/t/{trialId}</c>: the trial, the caller's worklist (<see cref="Features.Worklist"/>, as <c>GET /trials/{id}/worklist</c>:
/// follow-up visits due or overdue, queries to answer, queries to close) and what the signed-in role can do in it.
/// </summary>
/// <param name="store">The trial store.</param>
/// <param name="clock">The service's clock (the day the worklist is assessed on).</param>
public sealed class HomeModel(TrialStore store, TimeProvider clock) : TrialPageModel(store)
{
    internal Worklist Worklist { get; private set; } = null!;

    /// <summary>The sites' labels by id.</summary>
    public IReadOnlyDictionary<string, string> SiteLabels { get; private set; } = new Dictionary<string, string>();

    /// <summary>Whether the caller's role gets the follow-up list.</summary>
    public bool FollowsUp => Worklist.FollowsUp(Role);

    /// <summary>Whether the protocol has a follow-up schedule.</summary>
    public bool HasSchedule => Trial.Protocol.FollowUpSchedule is not null;

    /// <summary>The schedule in words, e.g. "every 3 months, overdue 1 month after a visit falls due".</summary>
    public string ScheduleDescription
    {
        get
        {
            var s = Trial.Protocol.FollowUpSchedule!;
            string unit = Trial.Protocol.TimeUnit.ToString().ToLowerInvariant();
            string Amount(double x) => x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " " + (x == 1 ? unit.TrimEnd('s') : unit);
            return $"a visit every {Amount(s.Interval)}; overdue {(s.Grace == 0 ? "as soon as it falls due" : Amount(s.Grace) + " after it falls due")}";
        }
    }

    /// <summary>Loads the worklist.</summary>
    public async Task OnGetAsync()
    {
        Worklist = await Worklist.ReadAsync(Store, Trial, Caller, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        SiteLabels = (await Store.ListSitesAsync(Trial.Id)).ToDictionary(s => s.Id, s => s.Label);
    }

    /// <summary>The site's label, else its id.</summary>
    /// <param name="site">A site id.</param>
    public string SiteLabel(string site) => SiteLabels.TryGetValue(site, out var label) ? label : site;
}
