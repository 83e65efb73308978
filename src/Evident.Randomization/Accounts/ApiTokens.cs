using System.Security.Cryptography;
using System.Text;

namespace Evident.Randomization.Accounts;

/// <summary>
/// Bearer tokens: 256 random bits, written <c>evt_</c> + base64url. Only the SHA-256 of a token is stored, so a copy of
/// the database does not give access; the token itself is shown once, when it is issued.
/// </summary>
public static class ApiTokens
{
    /// <summary>A new token from the cryptographic generator, and its hash as stored.</summary>
    public static (string Token, string Hash) Mint()
    {
        string token = "evt_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    /// <summary>The stored form of <paramref name="token"/>: SHA-256 of its UTF-8 bytes, 64 lowercase hex digits.</summary>
    /// <param name="token">The token as presented.</param>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
