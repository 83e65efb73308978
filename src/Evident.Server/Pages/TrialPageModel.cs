using Evident.Server.Infrastructure;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evident.Server.Pages;

/// <summary>
/// The base of every page under <c>/t/{trialId}</c> (pages in <c>Pages/Trial</c> require the cookie sign-in): before any
/// handler runs it reads the <see cref="Caller"/> from the session's claims, answers 404 when the route names another
/// trial than the one signed in to (exactly as a trial that does not exist), loads the <see cref="Trial"/>, and answers
/// 403 when <see cref="Allows"/> refuses the caller's role. Access rules are the API's: coordinators see their own site
/// only (<see cref="MaySee"/>), arms only when <see cref="SeesArms"/>.
/// </summary>
/// <param name="store">The trial store.</param>
public abstract class TrialPageModel(TrialStore store) : PageModel
{
    /// <summary>The store.</summary>
    protected TrialStore Store { get; } = store;

    /// <summary>The signed-in user (set before any handler runs).</summary>
    internal Caller Caller { get; private set; } = null!;

    /// <summary>The trial of the route, which is the caller's trial (set before any handler runs).</summary>
    public StoredTrial Trial { get; private set; } = null!;

    /// <summary>Whether the caller may see arms in this trial (<see cref="TrialRoles.SeesArms"/>).</summary>
    public bool SeesArms => TrialRoles.SeesArms(Caller.Role, Trial.Blinded);

    /// <summary>Whether the caller may randomize and record follow-up (admins and site coordinators, as in the API).</summary>
    public bool CanRecord => Caller.Role is TrialRole.Admin or TrialRole.SiteCoordinator;

    /// <summary>The caller's user name.</summary>
    public string UserName => Caller.Name;

    /// <summary>The caller's role.</summary>
    public TrialRole Role => Caller.Role;

    /// <summary>The coordinator's site, else null.</summary>
    public string? CallerSite => Caller.Site;

    /// <summary>Whether the caller may see participants of <paramref name="site"/> (coordinators: their own site only).</summary>
    /// <param name="site">A site id.</param>
    public bool MaySee(string site) => Caller.MaySee(site);

    /// <summary>The address of a page of this trial, e.g. <c>Path("participants")</c>.</summary>
    /// <param name="rest">The path below <c>/t/{trialId}/</c>, unescaped segments joined by '/'; empty for the trial's home.</param>
    public string TrialPath(params string[] rest) =>
        "/t/" + Uri.EscapeDataString(Trial.Id) + string.Concat(rest.Select(r => "/" + Uri.EscapeDataString(r)));

    /// <summary>Whether the caller's role may use this page; every role by default.</summary>
    /// <param name="role">The caller's role.</param>
    protected virtual bool Allows(TrialRole role) => true;

    /// <summary>A participant's randomization number as the pages show it in place of the arm, e.g. <c>R-000042</c>.</summary>
    /// <param name="randomization">The randomization.</param>
    public static string RandomizationNumber(Allocation randomization)
    {
        ArgumentNullException.ThrowIfNull(randomization);
        return "R-" + randomization.Id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The arm's label for a caller who sees arms, else null.</summary>
    /// <param name="randomization">The randomization.</param>
    public string? ArmLabel(Allocation randomization)
    {
        ArgumentNullException.ThrowIfNull(randomization);
        if (!SeesArms) return null;
        return Trial.Protocol.Arms.FirstOrDefault(a => a.Id == randomization.Arm)?.Label ?? randomization.Arm;
    }

    /// <inheritdoc />
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = Caller.From(User);
        string? trialId = RouteData.Values["trialId"] as string;
        var trial = trialId is not null && caller.TrialId == trialId ? await Store.GetTrialAsync(trialId) : null;
        if (trial is null)
        {
            context.Result = NotFound();
            return;
        }
        Caller = caller;
        Trial = trial;
        if (!Allows(caller.Role))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}
