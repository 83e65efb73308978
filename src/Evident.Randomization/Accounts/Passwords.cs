using Microsoft.AspNetCore.Identity;

namespace Evident.Randomization.Accounts;

/// <summary>Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, version 3 format).</summary>
public static class Passwords
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Nobody = new();

    /// <summary>The hash to store for <paramref name="password"/>.</summary>
    /// <param name="password">The password, 8–256 characters.</param>
    /// <exception cref="ArgumentException">The password is shorter than 8 or longer than 256 characters.</exception>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length is < 8 or > 256) throw new ArgumentException("A password must be 8 to 256 characters.", nameof(password));
        return Hasher.HashPassword(Nobody, password);
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>.</summary>
    /// <param name="hash">A stored hash.</param>
    /// <param name="password">The password presented.</param>
    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(Nobody, hash, password) != PasswordVerificationResult.Failed;
}
