namespace Evident.Randomization.Accounts;

/// <summary>
/// What a user may do in one trial. Arms are shown only to <see cref="UnblindedStatistician"/>, or, in an open-label
/// trial, to every role but <see cref="BlindedStatistician"/>; the sealed allocation list only to
/// <see cref="UnblindedStatistician"/>.
/// </summary>
public enum TrialRole
{
    /// <summary>Sets up sites and users, invalidates randomizations, sees the audit trail and every unblinding; <c>admin</c>.</summary>
    Admin,

    /// <summary>Randomizes and reads the participants of their own site only; may unblind one of them in an emergency; <c>site-coordinator</c>.</summary>
    SiteCoordinator,

    /// <summary>Reads all participants without arms; <c>blinded-statistician</c>.</summary>
    BlindedStatistician,

    /// <summary>Unblinded statistician or DSMB: reads all participants with arms and the allocation list; <c>unblinded-statistician</c>.</summary>
    UnblindedStatistician,

    /// <summary>Reads all participants and their captured entries (arms as for a coordinator: only in an open-label trial) and raises data queries; records nothing; <c>monitor</c>.</summary>
    Monitor,
}
