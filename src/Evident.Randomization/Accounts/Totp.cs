using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Evident.Randomization.Accounts;

/// <summary>
/// Time-based one-time passwords, RFC 6238 (TOTP) over RFC 4226 (HOTP): the code for time step
/// T = ⌊(unix seconds) / 30⌋ is the HMAC of T (8 bytes, big-endian) under the shared secret, dynamically truncated to
/// 31 bits and reduced modulo 10^digits. Authenticator apps use HMAC-SHA1, 6 digits and 30-second steps, the defaults
/// here; the RFC's SHA-256 and SHA-512 variants are supported for its test vectors. Secrets travel as base32
/// (RFC 4648, no padding) in an <c>otpauth://</c> URI.
/// </summary>
public static class Totp
{
    /// <summary>Seconds per time step.</summary>
    public const int StepSeconds = 30;

    /// <summary>Digits of a code.</summary>
    public const int Digits = 6;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The time step of <paramref name="at"/>: ⌊unix seconds / 30⌋.</summary>
    /// <param name="at">A time.</param>
    public static long Step(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeSeconds(), StepSeconds, out long r) - (r < 0 ? 1 : 0);

    /// <summary>The code of <paramref name="step"/> under <paramref name="secret"/>.</summary>
    /// <param name="secret">The shared secret's bytes.</param>
    /// <param name="step">The time step, ≥ 0.</param>
    /// <param name="digits">Digits, 6 to 8.</param>
    /// <param name="algorithm">SHA1 (default), SHA256 or SHA512.</param>
    public static string Code(ReadOnlySpan<byte> secret, long step, int digits = Digits, HashAlgorithmName? algorithm = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 8);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var name = algorithm ?? HashAlgorithmName.SHA1;
        byte[] mac = name == HashAlgorithmName.SHA1 ? HMACSHA1.HashData(secret, counter)
            : name == HashAlgorithmName.SHA256 ? HMACSHA256.HashData(secret, counter)
            : name == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(secret, counter)
            : throw new ArgumentException($"TOTP uses SHA1, SHA256 or SHA512, not {name}.", nameof(algorithm));
        int offset = mac[^1] & 0x0f;
        int binary = (BinaryPrimitives.ReadInt32BigEndian(mac.AsSpan(offset, 4)) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return binary.ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The time step whose code <paramref name="code"/> is, among the step of <paramref name="at"/> and one step either
    /// side (clock drift), later than <paramref name="lastUsedStep"/> (a code is accepted once); null when none.
    /// </summary>
    /// <param name="secret">The shared secret's bytes.</param>
    /// <param name="code">The code entered (spaces ignored).</param>
    /// <param name="at">Now.</param>
    /// <param name="lastUsedStep">The step of the last code accepted, or null.</param>
    public static long? Match(ReadOnlySpan<byte> secret, string code, DateTimeOffset at, long? lastUsedStep)
    {
        ArgumentNullException.ThrowIfNull(code);
        string entered = code.Replace(" ", "", StringComparison.Ordinal);
        if (entered.Length != Digits || !entered.All(char.IsAsciiDigit)) return null;
        long now = Step(at);
        for (long step = now - 1; step <= now + 1; step++)
        {
            if (step < 0 || step <= lastUsedStep) continue;
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(entered))) return step;
        }
        return null;
    }

    /// <summary>A new random 160-bit secret, as base32.</summary>
    public static string NewSecret() => ToBase32(RandomNumberGenerator.GetBytes(20));

    /// <summary>The <c>otpauth://totp/</c> URI an authenticator app reads (as text or a QR code).</summary>
    /// <param name="issuer">Who issues it (shown by the app), e.g. <c>Evident AALL1731</c>.</param>
    /// <param name="account">The account, e.g. the user name.</param>
    /// <param name="secret">The base32 secret.</param>
    public static string Uri(string issuer, string account, string secret) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={secret}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";

    /// <summary>Base32 (RFC 4648) without padding.</summary>
    /// <param name="bytes">The bytes.</param>
    public static string ToBase32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (byte b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5) text.Append(Base32Alphabet[(buffer >> (bits -= 5)) & 31]);
        }
        if (bits > 0) text.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }

    /// <summary>Base32 (RFC 4648; case, spaces and padding ignored) to bytes.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">A character outside the alphabet.</exception>
    public static byte[] FromBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (char c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=') continue;
            int value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) bytes.Add((byte)(buffer >> (bits -= 8)));
        }
        return [.. bytes];
    }
}
