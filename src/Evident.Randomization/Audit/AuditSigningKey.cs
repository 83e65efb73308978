using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Evident.Randomization.Audit;

/// <summary>
/// The Ed25519 key that signs audit anchors (<see cref="AuditAnchor"/>). It never lives in the database: it is a file
/// (<c>--key FILE</c>) or the environment variable <see cref="EnvironmentVariable"/>, holding the 32-byte private key
/// in base64 (what <see cref="Generate"/> writes).
/// </summary>
public sealed class AuditSigningKey
{
    /// <summary>The environment variable read when no key file is given.</summary>
    public const string EnvironmentVariable = "EVIDENT_AUDIT_KEY";

    private AuditSigningKey(Ed25519PrivateKeyParameters key) => Private = key;

    internal Ed25519PrivateKeyParameters Private { get; }

    /// <summary>The public key (32 bytes, base64): give it to whoever verifies.</summary>
    public string PublicKey => Convert.ToBase64String(Private.GeneratePublicKey().GetEncoded());

    /// <summary>A new random key.</summary>
    public static AuditSigningKey Generate() => new(new Ed25519PrivateKeyParameters(new SecureRandom()));

    /// <summary>The private key in base64, as a key file or <see cref="EnvironmentVariable"/> holds it.</summary>
    public string Export() => Convert.ToBase64String(Private.GetEncoded());

    /// <summary>Reads a key written by <see cref="Export"/>; a <see cref="FormatException"/> says what is wrong.</summary>
    /// <param name="text">The base64 text (surrounding white space is ignored).</param>
    public static AuditSigningKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException("the audit key is not base64");
        }
        if (bytes.Length != Ed25519PrivateKeyParameters.KeySize)
            throw new FormatException($"the audit key has {bytes.Length} bytes; an Ed25519 private key has {Ed25519PrivateKeyParameters.KeySize}");
        return new AuditSigningKey(new Ed25519PrivateKeyParameters(bytes));
    }
}
