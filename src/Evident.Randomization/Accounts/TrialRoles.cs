namespace Evident.Randomization.Accounts;

/// <summary>The text names of <see cref="TrialRole"/> used on the command line, in the API and in the database.</summary>
public static class TrialRoles
{
    /// <summary>Every role with its name.</summary>
    public static IReadOnlyList<(TrialRole Role, string Name)> All { get; } =
    [
        (TrialRole.Admin, "admin"),
        (TrialRole.SiteCoordinator, "site-coordinator"),
        (TrialRole.BlindedStatistician, "blinded-statistician"),
        (TrialRole.UnblindedStatistician, "unblinded-statistician"),
        (TrialRole.Monitor, "monitor"),
    ];

    /// <summary>The name of <paramref name="role"/>, e.g. <c>site-coordinator</c>.</summary>
    /// <param name="role">A role.</param>
    public static string Name(TrialRole role) => All.First(r => r.Role == role).Name;

    /// <summary>The role as people read it on a page, e.g. <c>site coordinator</c> (never the hyphenated id).</summary>
    /// <param name="role">A role.</param>
    public static string Title(TrialRole role) => role switch
    {
        TrialRole.SiteCoordinator => "site coordinator",
        TrialRole.BlindedStatistician => "blinded statistician",
        TrialRole.UnblindedStatistician => "unblinded statistician",
        _ => Name(role),
    };

    /// <summary>Parses a role name (case-sensitive); <c>dsmb</c> is accepted for the unblinded statistician.</summary>
    /// <param name="name">The name.</param>
    /// <param name="role">The role, when the name is known.</param>
    public static bool TryParse(string? name, out TrialRole role)
    {
        foreach (var (r, n) in All)
        {
            if (n != name) continue;
            role = r;
            return true;
        }
        role = TrialRole.UnblindedStatistician;
        return name == "dsmb";
    }

    /// <summary>Whether <paramref name="role"/> may see arms in a trial that is (or is not) blinded.</summary>
    /// <param name="role">The role.</param>
    /// <param name="blinded">Whether the trial is blinded.</param>
    public static bool SeesArms(TrialRole role, bool blinded) =>
        role == TrialRole.UnblindedStatistician || (!blinded && role != TrialRole.BlindedStatistician);
}
