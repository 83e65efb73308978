using Evident.Randomization.Audit;

namespace Evident.Randomization.Tests.Audit;

public sealed class AuditAnchorTests
{
    // RFC 8032 section 7.1, TEST 1.
    private const string RfcSecret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string RfcPublic = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private static readonly AuditSigningKey Key = AuditSigningKey.Parse(Convert.ToBase64String(Convert.FromHexString(RfcSecret)));
    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Head = new('a', 64);

    [Fact]
    public void The_public_key_of_the_rfc_8032_secret_is_the_rfcs()
    {
        Assert.Equal(Convert.ToBase64String(Convert.FromHexString(RfcPublic)), Key.PublicKey);
        Assert.Equal(Convert.ToBase64String(Convert.FromHexString(RfcSecret)), Key.Export());
    }

    [Fact]
    public void An_anchor_verifies_under_its_key_after_a_round_trip_through_its_file()
    {
        var anchor = AuditAnchor.Sign(13, Head, At, Key);
        Assert.Equal(("2026-01-15T09:00:00.0000000Z", Key.PublicKey), (anchor.At, anchor.PublicKey));
        Assert.True(anchor.IsSignedBy(Key.PublicKey));
        var read = AuditAnchor.Parse(anchor.ToJson());
        Assert.Equal(anchor, read);
        Assert.True(read.IsSignedBy(Key.PublicKey));
        // Ed25519 is deterministic: the same head signed twice gives the same signature.
        Assert.Equal(anchor.Signature, AuditAnchor.Sign(13, Head, At, Key).Signature);
    }

    [Fact]
    public void A_changed_sequence_hash_or_time_another_key_or_a_malformed_signature_does_not_verify()
    {
        var anchor = AuditAnchor.Sign(13, Head, At, Key);
        Assert.False((anchor with { Sequence = 12 }).IsSignedBy(Key.PublicKey));
        Assert.False((anchor with { Hash = new string('b', 64) }).IsSignedBy(Key.PublicKey));
        Assert.False((anchor with { At = "2026-01-16T09:00:00.0000000Z" }).IsSignedBy(Key.PublicKey));
        Assert.False(anchor.IsSignedBy(AuditSigningKey.Generate().PublicKey));
        Assert.False((anchor with { Signature = "not base64!" }).IsSignedBy(Key.PublicKey));
        Assert.False((anchor with { Signature = Convert.ToBase64String(new byte[64]) }).IsSignedBy(Key.PublicKey));
        Assert.False(anchor.IsSignedBy(Convert.ToBase64String(new byte[5])));
    }

    [Fact]
    public void The_trail_is_checked_against_every_anchor()
    {
        var records = Chain(3);
        var first = AuditAnchor.Sign(2, records[1].Hash, At, Key);
        var last = AuditAnchor.Sign(3, records[2].Hash, At, Key);
        Assert.Null(AuditAnchors.FirstDisagreement(records, [("a1", first), ("a2", last)], Key.PublicKey));

        var rewritten = Chain(3, actorOfSecond: "mallory");
        Assert.Equal((2L, "record 2 does not have the hash that anchor a1 (made 2026-01-15T09:00:00.0000000Z) signed: the trail was rewritten at or before record 2"),
            AuditAnchors.FirstDisagreement(rewritten, [("a2", last), ("a1", first)], Key.PublicKey));
        Assert.Equal((3L, "anchor a2 (made 2026-01-15T09:00:00.0000000Z) vouches for record 3, which the trail no longer has: records were deleted"),
            AuditAnchors.FirstDisagreement(records.Take(2).ToList(), [("a2", last)], Key.PublicKey));
        string other = AuditSigningKey.Generate().PublicKey;
        Assert.Equal((2L, $"anchor a1 is not signed by the audit key {other}"), AuditAnchors.FirstDisagreement(records, [("a1", first)], other));
    }

    [Theory]
    [InlineData("not base64!", "the audit key is not base64")]
    [InlineData("AAAA", "the audit key has 3 bytes; an Ed25519 private key has 32")]
    public void A_malformed_key_is_refused_with_what_is_wrong(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => AuditSigningKey.Parse(text)).Message);
    }

    private static List<AuditRecord> Chain(int count, string actorOfSecond = "alice")
    {
        var records = new List<AuditRecord>();
        string previous = AuditChain.Genesis;
        for (long seq = 1; seq <= count; seq++)
        {
            string actor = seq == 2 ? actorOfSecond : "alice";
            string hash = AuditChain.Hash(seq, "T", "2026-01-15T09:00:00.0000000Z", actor, "site.add", $"site:S{seq}", "{}", null, previous);
            records.Add(new AuditRecord(seq, "T", "2026-01-15T09:00:00.0000000Z", actor, "site.add", $"site:S{seq}", "{}", null, previous, hash));
            previous = hash;
        }
        return records;
    }
}
