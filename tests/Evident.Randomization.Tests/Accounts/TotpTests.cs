using System.Security.Cryptography;
using System.Text;
using Evident.Randomization.Accounts;

namespace Evident.Randomization.Tests.Accounts;

public sealed class TotpTests
{
    // RFC 6238, Appendix B: 8-digit codes of the ASCII seeds "1234567890" repeated to 20, 32 and 64 bytes.
    public static TheoryData<long, string, string, string> Rfc6238 => new()
    {
        { 59, "94287082", "46119246", "90693936" },
        { 1111111109, "07081804", "68084774", "25091201" },
        { 1111111111, "14050471", "67062674", "99943326" },
        { 1234567890, "89005924", "91819424", "93441116" },
        { 2000000000, "69279037", "90698825", "38618901" },
        { 20000000000, "65353130", "77737706", "47863826" },
    };

    private static byte[] Seed(int length) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1234567890", 7))[..length]);

    [Theory]
    [MemberData(nameof(Rfc6238))]
    public void The_codes_of_rfc_6238_appendix_b(long unixSeconds, string sha1, string sha256, string sha512)
    {
        long step = Totp.Step(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(sha1, Totp.Code(Seed(20), step, 8, HashAlgorithmName.SHA1));
        Assert.Equal(sha256, Totp.Code(Seed(32), step, 8, HashAlgorithmName.SHA256));
        Assert.Equal(sha512, Totp.Code(Seed(64), step, 8, HashAlgorithmName.SHA512));
    }

    [Fact]
    public void The_six_digit_code_is_the_last_six_digits_of_the_rfc_4226_value()
    {
        // RFC 4226, Appendix D: HOTP of the 20-byte seed at counters 0 and 9.
        Assert.Equal("755224", Totp.Code(Seed(20), 0));
        Assert.Equal("520489", Totp.Code(Seed(20), 9));
    }

    [Fact]
    public void A_code_matches_within_one_step_either_side_and_only_once()
    {
        byte[] secret = Seed(20);
        var at = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        long step = Totp.Step(at);
        Assert.Equal(step, Totp.Match(secret, Totp.Code(secret, step), at, null));
        Assert.Equal(step - 1, Totp.Match(secret, Totp.Code(secret, step - 1), at, null));
        Assert.Equal(step + 1, Totp.Match(secret, Totp.Code(secret, step + 1)[..3] + " " + Totp.Code(secret, step + 1)[3..], at, null));
        Assert.Null(Totp.Match(secret, Totp.Code(secret, step - 2), at, null));
        Assert.Null(Totp.Match(secret, Totp.Code(secret, step), at, lastUsedStep: step));
        Assert.Null(Totp.Match(secret, "12345", at, null));
        Assert.Null(Totp.Match(secret, "abcdef", at, null));
    }

    [Fact]
    public void Base32_round_trips_and_reads_rfc_4648_test_vectors()
    {
        Assert.Equal("MZXW6YTBOI", Totp.ToBase32("foobar"u8));
        Assert.Equal("foobar"u8.ToArray(), Totp.FromBase32("mzxw6ytboi======"));
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.ToBase32(Seed(20)));
        string secret = Totp.NewSecret();
        Assert.Equal(32, secret.Length);
        Assert.Equal(secret, Totp.ToBase32(Totp.FromBase32(secret)));
        Assert.Throws<FormatException>(() => Totp.FromBase32("AB1"));
        Assert.StartsWith("otpauth://totp/Evident%20AALL1731:alice?secret=", Totp.Uri("Evident AALL1731", "alice", secret));
    }
}
