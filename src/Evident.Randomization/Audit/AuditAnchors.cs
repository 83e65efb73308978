namespace Evident.Randomization.Audit;

/// <summary>Checks an audit trail against signed anchors (<see cref="AuditAnchor"/>) kept outside the database.</summary>
public static class AuditAnchors
{
    /// <summary>
    /// The first anchor that the trail disagrees with: not signed by <paramref name="publicKey"/>, vouching for a record
    /// the trail no longer has, or for a hash the record no longer has (the trail was rewritten at or before it). Null
    /// when every anchor holds.
    /// </summary>
    /// <param name="records">The whole trail, ascending by sequence.</param>
    /// <param name="anchors">The anchors, each with where it came from (a file name), for the message.</param>
    /// <param name="publicKey">The trusted public key (base64), given by whoever verifies.</param>
    public static (long Sequence, string Problem)? FirstDisagreement(IReadOnlyList<AuditRecord> records, IEnumerable<(string Source, AuditAnchor Anchor)> anchors, string publicKey)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(publicKey);
        var bySequence = records.GroupBy(r => r.Sequence).ToDictionary(g => g.Key, g => g.First());
        foreach (var (source, anchor) in anchors.OrderBy(a => a.Anchor.Sequence))
        {
            if (!anchor.IsSignedBy(publicKey))
                return (anchor.Sequence, $"anchor {source} is not signed by the audit key {publicKey}");
            if (!bySequence.TryGetValue(anchor.Sequence, out var record))
                return (anchor.Sequence, $"anchor {source} (made {anchor.At}) vouches for record {anchor.Sequence}, which the trail no longer has: records were deleted");
            if (record.Hash != anchor.Hash)
                return (anchor.Sequence, $"record {anchor.Sequence} does not have the hash that anchor {source} (made {anchor.At}) signed: the trail was rewritten at or before record {anchor.Sequence}");
        }
        return null;
    }
}
