using Evident.Randomization;
using Evident.Server.Infrastructure;
using Evident.Storage;

namespace Evident.Server.Features;

/// <summary>
/// Randomizing, as both front doors do it: the API (<see cref="RandomizationEndpoints"/>) and the randomize page
/// (<c>Pages/Trial/Randomize</c>). One Idempotency-Key rule (<see cref="RandomizationService.IsValidIdempotencyKey"/>),
/// one enrolment check, the randomization with the service's generator, and one answer per refusal: an unknown site is
/// a 400 problem of the <c>site</c> field, a conflict or a used-up list a 409 about the participant.
/// </summary>
internal static class Enrolment
{
    /// <summary>A fresh Idempotency-Key for a form (32 hex digits).</summary>
    public static string NewIdempotencyKey() => Guid.NewGuid().ToString("N");

    /// <summary>Why a client's Idempotency-Key is refused, or null when it is absent or valid.</summary>
    /// <param name="key">The header's value, or null.</param>
    public static string? IdempotencyKeyProblem(string? key) =>
        key is null || RandomizationService.IsValidIdempotencyKey(key)
            ? null
            : $"The Idempotency-Key must be 1 to {RandomizationService.MaxIdempotencyKeyLength} printable characters.";

    /// <summary>The problems of the request by field (<see cref="EnrolmentCheck.Problems"/>); empty when it may be randomized.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="request">The request.</param>
    public static IReadOnlyDictionary<string, string[]> Problems(StoredTrial trial, EnrolmentRequest request) => EnrolmentCheck.Problems(trial.Protocol, request);

    /// <summary>Why the caller may not randomize at the request's site (a coordinator, at another site), or null.</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="request">The request.</param>
    public static string? SiteRefusal(Caller caller, EnrolmentRequest request) =>
        caller.MaySee(request.Site) ? null : $"A coordinator of site '{caller.Site}' cannot randomize at site '{request.Site}'.";

    /// <summary>Randomizes a checked request in the caller's name, drawing from <see cref="CryptographicRandom"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="trial">The trial.</param>
    /// <param name="request">The request, without <see cref="Problems"/>.</param>
    /// <param name="idempotencyKey">A valid Idempotency-Key, or null.</param>
    /// <param name="caller">The caller (the audit trail's actor).</param>
    public static Task<RandomizationOutcome> RandomizeAsync(TrialStore store, StoredTrial trial, EnrolmentRequest request, string? idempotencyKey, Caller caller) =>
        store.RandomizeAsync(trial.Id, request, idempotencyKey, CryptographicRandom.Instance, caller.Name);

    /// <summary>How a refused randomization (any status but created or existing) is answered: the HTTP status and the field the message concerns.</summary>
    /// <param name="status">The outcome's status.</param>
    public static (int StatusCode, string Field) Refusal(RandomizationStatus status) => status switch
    {
        RandomizationStatus.UnknownSite => (StatusCodes.Status400BadRequest, "site"),
        RandomizationStatus.Conflict or RandomizationStatus.ListExhausted => (StatusCodes.Status409Conflict, "participantId"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a refusal."),
    };
}
