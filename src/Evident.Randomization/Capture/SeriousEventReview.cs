using Evident.Randomization.Accounts;

namespace Evident.Randomization.Capture;

/// <summary>
/// The expedited review of a serious adverse event: an admin or the unblinded statistician marks one version of the
/// entry reviewed. A correction of the entry (a new version) that is still serious needs a review of its own.
/// </summary>
/// <param name="EntryId">The adverse event's entry id.</param>
/// <param name="Version">The version reviewed.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Site">The participant's site.</param>
/// <param name="ReviewedAt">When (UTC, from the service's clock).</param>
/// <param name="ReviewedBy">Who.</param>
/// <param name="Note">The reviewer's remark, or null.</param>
public sealed record SeriousEventReview(long EntryId, int Version, string ParticipantId, string Site, DateTimeOffset ReviewedAt, string ReviewedBy, string? Note)
{
    /// <summary>The longest remark accepted.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>Whether <paramref name="role"/> reviews serious adverse events: admins and unblinded statisticians.</summary>
    /// <param name="role">The role.</param>
    public static bool MayReview(TrialRole role) => role is TrialRole.Admin or TrialRole.UnblindedStatistician;

    /// <summary>Whether the current version of <paramref name="entry"/> is a serious adverse event.</summary>
    /// <param name="entry">A captured entry.</param>
    public static bool IsSerious(CaptureEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Content.Kind == CaptureKind.AdverseEvent && entry.Content.Assessment?.Serious == true;
    }
}
