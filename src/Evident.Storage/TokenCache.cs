using System.Collections.Concurrent;
using System.Diagnostics;

using Evident.Randomization.Accounts;
namespace Evident.Storage;

/// <summary>
/// Recently looked-up bearer tokens, so a busy client does not cost a database query per request. An entry is reused
/// for at most <see cref="TrialStore.TokenCacheLifetime"/> of real (monotonic) time, measured from before the query
/// that read it. Unknown tokens are never cached, so a newly issued token works at once.
/// </summary>
/// <remarks>
/// Staleness bound: a revocation made through this store is applied to the cache when its transaction commits (and a
/// lookup racing with it is not cached: see the generation counter), so it takes effect at once. A revocation made
/// elsewhere (another application node, or <c>evident user revoke</c> run while the service is up) takes effect within
/// the lifetime. Expiry is not cached: the caller checks <see cref="TokenOwner.ExpiresAt"/> against its clock on every
/// request.
/// </remarks>
internal sealed class TokenCache(TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long generation;

    /// <summary>The cached owner of <paramref name="tokenHash"/>, when read less than the lifetime ago.</summary>
    public bool TryGet(string tokenHash, out TokenOwner? owner)
    {
        if (entries.TryGetValue(tokenHash, out var entry) && Stopwatch.GetElapsedTime(entry.ReadAt) < lifetime)
        {
            owner = entry.Owner;
            return true;
        }
        owner = null;
        return false;
    }

    /// <summary>A ticket to take before querying: the query's start time and the revocation generation.</summary>
    public (long ReadAt, long Generation) Ticket() => (Stopwatch.GetTimestamp(), Interlocked.Read(ref generation));

    /// <summary>Caches what a query started at <paramref name="ticket"/> found, unless a revocation committed meanwhile.</summary>
    public void Store(string tokenHash, TokenOwner? owner, (long ReadAt, long Generation) ticket)
    {
        if (owner is null)
        {
            entries.TryRemove(tokenHash, out _);
            return;
        }
        entries[tokenHash] = new Entry(owner, ticket.ReadAt);
        // A revocation that committed during the query may have missed this entry: drop it again.
        if (Interlocked.Read(ref generation) != ticket.Generation) entries.TryRemove(tokenHash, out _);
    }

    /// <summary>Drops every cached token of one user (after their tokens were revoked).</summary>
    public void Forget(string trialId, string userName)
    {
        Interlocked.Increment(ref generation);
        foreach (var pair in entries)
            if (pair.Value.Owner.TrialId == trialId && pair.Value.Owner.UserName == userName)
                entries.TryRemove(pair.Key, out _);
    }

    private readonly record struct Entry(TokenOwner Owner, long ReadAt);
}
