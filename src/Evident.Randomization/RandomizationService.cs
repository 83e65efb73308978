using Evident.Protocol;

namespace Evident.Randomization;

/// <summary>
/// The randomization rules, decided on plain inputs so that each one is tested without a database. In this order:
/// <list type="number">
/// <item>A participant already randomized gets the same allocation back and no slot is used, provided the site, the
/// stratification values and the baseline covariates are the same; otherwise it is a conflict.</item>
/// <item>An Idempotency-Key already used for another participant is a conflict.</item>
/// <item>A site that is not a site of the trial is refused.</item>
/// <item>Permuted blocks: the next slot of the participant's stratum in the sealed list, refused when the list is used up.</item>
/// <item>Minimization: <see cref="Minimization.Choose"/> over the marginal counts of the participant's levels.</item>
/// </list>
/// The request must already have passed <see cref="EnrolmentCheck.Problems"/>. The store reads the
/// <see cref="RandomizationState"/> inside the transaction that holds the audit head, calls <see cref="Decide"/>, and
/// writes what it decided in that transaction.
/// </summary>
public static class RandomizationService
{
    /// <summary>The longest Idempotency-Key accepted.</summary>
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>Whether <paramref name="key"/> may serve as an Idempotency-Key: 1 to <see cref="MaxIdempotencyKeyLength"/> characters, none a control character.</summary>
    /// <param name="key">The key a client sent.</param>
    public static bool IsValidIdempotencyKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length is >= 1 and <= MaxIdempotencyKeyLength && !key.Any(char.IsControl);
    }

    /// <summary>
    /// The factors minimization balances, each with the participant's level (the protocol's <c>minimization.factors</c>,
    /// by default every stratification factor; <c>site</c> is the request's site); empty for permuted blocks.
    /// </summary>
    /// <param name="protocol">The trial's protocol.</param>
    /// <param name="request">The checked request.</param>
    public static IReadOnlyList<MinimizationLevel> MinimizationLevels(TrialProtocol protocol, EnrolmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(request);
        if (protocol.Allocation.Method != AllocationMethod.Minimization) return [];
        return [.. Settings(protocol).Factors.Select(f => new MinimizationLevel(f, f == "site" ? request.Site : request.Strata[f]))];
    }

    /// <summary>Decides what <paramref name="request"/> does, given the stored <paramref name="state"/> (see the class summary for the rules).</summary>
    /// <param name="protocol">The trial's protocol.</param>
    /// <param name="request">The request, already checked by <see cref="EnrolmentCheck.Problems"/>.</param>
    /// <param name="state">What the store holds for it.</param>
    /// <param name="random">The generator for minimization: <see cref="CryptographicRandom"/> in service, a seeded <see cref="Random"/> in tests. Not used otherwise.</param>
    /// <exception cref="ArgumentException">Minimization counts that do not match <see cref="MinimizationLevels"/>.</exception>
    public static RandomizationDecision Decide(TrialProtocol protocol, EnrolmentRequest request, RandomizationState state, Random random)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(random);
        if (state.Participant is { } existing) return Repeat(request, existing);
        if (state.KeyHolder is not null)
            return RandomizationDecision.Refuse(RandomizationStatus.Conflict, "The Idempotency-Key was already used for another participant.");
        if (!state.SiteExists)
            return RandomizationDecision.Refuse(RandomizationStatus.UnknownSite, $"Site '{request.Site}' is not a site of trial '{protocol.Trial.Id}'.");
        if (protocol.Allocation.Method == AllocationMethod.Minimization) return RandomizationDecision.Allocate(Minimize(protocol, state.MinimizationCounts, random));
        return state.ListedArm is { } arm
            ? RandomizationDecision.Allocate(arm)
            : RandomizationDecision.Refuse(RandomizationStatus.ListExhausted,
                $"The allocation list of stratum '{StratumKey.For(protocol, request.Strata)}' is used up ({state.Sequence - 1} slots); the unblinded statistician must extend it.");
    }

    /// <summary>The same participant again: the allocation made, unless what identifies the randomization differs.</summary>
    private static RandomizationDecision Repeat(EnrolmentRequest request, Allocation existing)
    {
        if (existing.Site != request.Site || !SameEntries(existing.Strata, request.Strata))
            return RandomizationDecision.Refuse(RandomizationStatus.Conflict,
                $"Participant '{request.ParticipantId}' is already randomized with a different site or different stratification values.");
        if (!SameEntries(existing.Covariates, request.Covariates))
            return RandomizationDecision.Refuse(RandomizationStatus.Conflict,
                $"Participant '{request.ParticipantId}' is already randomized with different baseline covariates ({Describe(existing.Covariates)}).");
        return RandomizationDecision.Repeat(existing);
    }

    private static string Minimize(TrialProtocol protocol, IReadOnlyList<IReadOnlyDictionary<string, int>> marginals, Random random)
    {
        var settings = Settings(protocol);
        if (marginals.Count != settings.Factors.Count)
            throw new ArgumentException($"{marginals.Count} sets of minimization counts for {settings.Factors.Count} factors.", nameof(marginals));
        int arms = protocol.Arms.Count;
        var counts = new int[settings.Factors.Count * arms];
        for (int f = 0; f < marginals.Count; f++)
            for (int j = 0; j < arms; j++)
                counts[f * arms + j] = marginals[f].GetValueOrDefault(protocol.Arms[j].Id);
        var decision = Minimization.Choose(protocol.Allocation.Ratio.ToArray(), counts, settings.Probability, random);
        return protocol.Arms[decision.Arm].Id;
    }

    private static MinimizationSettings Settings(TrialProtocol protocol) =>
        protocol.Allocation.Minimization ?? new MinimizationSettings(protocol.Strata.Select(s => s.Id).ToArray(), 0.8);

    /// <summary>Whether two value sets hold the same entries (ordinal; null is none).</summary>
    private static bool SameEntries(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        Ordered(a).SequenceEqual(Ordered(b));

    private static IEnumerable<KeyValuePair<string, string>> Ordered(IReadOnlyDictionary<string, string>? values) =>
        values is null ? [] : values.OrderBy(v => v.Key, StringComparer.Ordinal);

    private static string Describe(IReadOnlyDictionary<string, string> covariates) =>
        covariates.Count == 0 ? "none recorded" : string.Join(", ", covariates.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
