using System.Globalization;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Evident.Randomization.Audit;

/// <summary>
/// A signed statement of the audit trail's head: "record <see cref="Sequence"/> has hash <see cref="Hash"/>", signed
/// with Ed25519 (RFC 8032) by a key that does not live in the database. Kept elsewhere (another machine, a ticket, a
/// notary), it makes the trail up to that record unrewritable by anyone with database access but without the key: a
/// record changed and the chain recomputed after it gives record <see cref="Sequence"/> another hash. The signed bytes
/// are the UTF-8 text <c>evident-audit-anchor-v1\n{sequence}\n{hash}\n{at}</c>.
/// </summary>
/// <param name="Sequence">The head's sequence number when anchored.</param>
/// <param name="Hash">Its hash (64 lowercase hex digits).</param>
/// <param name="At">When the anchor was made (ISO 8601, UTC).</param>
/// <param name="PublicKey">The signer's Ed25519 public key (32 bytes, base64), to say which key signed; verification uses the key it is given, never this one.</param>
/// <param name="Signature">The Ed25519 signature (64 bytes, base64).</param>
public sealed record AuditAnchor(long Sequence, string Hash, string At, string PublicKey, string Signature)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Signs the head <paramref name="sequence"/>, <paramref name="hash"/> at <paramref name="at"/> with <paramref name="key"/>.</summary>
    /// <param name="sequence">The head's sequence number.</param>
    /// <param name="hash">The head's hash.</param>
    /// <param name="at">Now.</param>
    /// <param name="key">The signing key (<see cref="AuditSigningKey"/>).</param>
    public static AuditAnchor Sign(long sequence, string hash, DateTimeOffset at, AuditSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string when = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        var signer = new Ed25519Signer();
        signer.Init(true, key.Private);
        byte[] message = Message(sequence, hash, when);
        signer.BlockUpdate(message, 0, message.Length);
        return new AuditAnchor(sequence, hash, when, key.PublicKey, Convert.ToBase64String(signer.GenerateSignature()));
    }

    /// <summary>Whether the signature is <paramref name="publicKey"/>'s over this anchor's sequence, hash and time.</summary>
    /// <param name="publicKey">The trusted public key (32 bytes, base64).</param>
    public bool IsSignedBy(string publicKey)
    {
        byte[] key, signature;
        try
        {
            key = Convert.FromBase64String(publicKey);
            signature = Convert.FromBase64String(Signature);
        }
        catch (FormatException)
        {
            return false;
        }
        if (key.Length != Ed25519PublicKeyParameters.KeySize || signature.Length != Ed25519.SignatureSize) return false;
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(key));
        byte[] message = Message(Sequence, Hash, At);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }

    /// <summary>The anchor as the file <c>evident audit anchor</c> writes (indented JSON).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads an anchor file's text; a <see cref="FormatException"/> says what is wrong.</summary>
    /// <param name="json">The file's text.</param>
    public static AuditAnchor Parse(string json)
    {
        try
        {
            var anchor = JsonSerializer.Deserialize<AuditAnchor>(json, Json);
            if (anchor is null || anchor.Hash is null || anchor.At is null || anchor.PublicKey is null || anchor.Signature is null)
                throw new FormatException("an anchor needs sequence, hash, at, publicKey and signature");
            return anchor;
        }
        catch (JsonException e)
        {
            throw new FormatException($"not an anchor file: {e.Message}", e);
        }
    }

    private static byte[] Message(long sequence, string hash, string at) =>
        Encoding.UTF8.GetBytes($"evident-audit-anchor-v1\n{sequence.ToString(CultureInfo.InvariantCulture)}\n{hash}\n{at}");

    private static class Ed25519
    {
        public const int SignatureSize = 64;
    }
}
