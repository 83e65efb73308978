using Evident.Cli;
using Evident.Randomization.Accounts;
using Evident.Server.Pages;
using Evident.Storage;

namespace Evident.Server.Tests.Pages;

/// <summary>The optional TOTP second factor of page sign-in: enrolled from the command line, asked for at sign-in, each code once, audited and verified.</summary>
public sealed class SecondFactorPageTests
{
    [Fact]
    public Task A_user_with_a_second_factor_signs_in_only_with_the_current_code_once_on_sqlite() => SecondFactor(null);

    [Fact]
    public async Task A_user_with_a_second_factor_signs_in_only_with_the_current_code_once_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await SecondFactor(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task SecondFactor(string? database)
    {
        await using var app = await new TestApp(database).SeedAsync(password: PageSession.Password);
        string secret = Totp.NewSecret();
        await app.Store.EnrolTotpAsync(TestApp.Trial, "coord1", secret, "cli:test");
        string Now(int steps = 0) => Totp.Code(Totp.FromBase32(secret), Totp.Step(app.Clock.GetUtcNow()) + steps);

        using (var s = new PageSession(app))
        {
            var missing = await s.LoginAsync("coord1");
            Assert.Equal(401, missing.Status);
            Assert.Equal(LoginModel.CodeMessage, missing.ErrorFor("code"));
            Assert.Equal(401, (await Login(s, "coord1", Now(-2))).Status);
            var signedIn = await Login(s, "coord1", Now());
            Assert.Equal(302, signedIn.Status);
            Assert.Equal("/t/AALL1731", signedIn.Location);
        }
        using (var replay = new PageSession(app))
            Assert.Equal(LoginModel.CodeMessage, (await Login(replay, "coord1", Now())).ErrorFor("code"));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using (var next = new PageSession(app))
            Assert.Equal(302, (await Login(next, "coord1", Now())).Status);
        // Users without a second factor sign in as before; the code field is ignored.
        using (var other = new PageSession(app))
            Assert.Equal(302, (await other.LoginAsync("coord2")).Status);

        // Enrolment is audited (the secret's hash, never the secret) and checked by verify.
        var record = (await app.Store.ReadAuditAsync(TestApp.Trial)).Single(r => r.Action == "user.totp");
        Assert.DoesNotContain(secret, record.Details);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        await Databases.RowsAsync(app.Database, "DELETE FROM second_factors");
        Assert.Equal($"audit record {record.Sequence} enrols a second factor of user:coord1 of trial AALL1731, but the second_factors table has no such row",
            (await app.Store.VerifyAuditAsync()).Problem);
    }

    [Fact]
    public async Task The_command_line_enrols_a_second_factor_and_prints_its_uri()
    {
        await using var app = await new TestApp().SeedAsync();
        var stdout = new StringWriter();
        Assert.Equal(0, EvidentApp.Run(["user", "totp", TestApp.Trial, "blinded", "--db", app.Database], stdout, new StringWriter()));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(32, lines[2].Length);
        Assert.Equal($"otpauth://totp/Evident%20AALL1731:blinded?secret={lines[2]}&issuer=Evident%20AALL1731&algorithm=SHA1&digits=6&period=30", lines[3]);
        Assert.Equal(Totp.FromBase32(lines[2]), (await app.Store.GetTotpAsync(TestApp.Trial, "blinded"))!.Value.Secret);
        Assert.Equal(2, EvidentApp.Run(["user", "totp", TestApp.Trial, "nobody", "--db", app.Database], new StringWriter(), new StringWriter()));
    }

    private static Task<PageSession.Answer> Login(PageSession s, string user, string code) =>
        s.SubmitAsync("/login", "/login", ("trialId", TestApp.Trial), ("userName", user), ("password", PageSession.Password), ("code", code));
}
