using Evident.Storage;
using Evident.Server.Infrastructure;

namespace Evident.Server.Tests.Pages;

/// <summary>Sign-in, lockout, sign-out, the session cookie, anti-forgery, security headers, and the API staying bearer-only.</summary>
public sealed class SignInPageTests
{
    private const string Failed = "The trial, user name or password is not right.";

    [Fact]
    public async Task SignInSetsAStrictHttpOnlyCookieAndOpensTheTrialHome()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        Assert.Equal("/login", (await s.GetAsync("/")).Location);
        var login = await s.LoginAsync("coord1");
        Assert.Equal(302, login.Status);
        Assert.Equal("/t/AALL1731", login.Location);
        string cookie = Assert.Single(login.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("evident.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/t/AALL1731", (await s.GetAsync("/")).Location);

        var home = await s.GetAsync("/t/AALL1731");
        Assert.Equal(200, home.Status);
        Assert.Contains("<title>AALL1731 – Evident</title>", home.Html);
        Assert.Contains("href=\"/t/AALL1731/randomize\"", home.Html);
        Assert.DoesNotContain("href=\"/t/AALL1731/audit\"", home.Html);
        Assert.DoesNotContain("DSMB dashboard", home.Html);
        Assert.Contains("coord1 <span class=\"role\">(site coordinator, site S1)</span>", home.Html);
    }

    [Fact]
    public async Task NavigationShowsAuditToAdminsAndTheDashboardOnlyToTheUnblindedStatistician()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        foreach (var (user, audit, dashboard, randomize) in new[] { ("admin", true, false, true), ("blinded", false, false, false), ("unblinded", false, true, false) })
        {
            using var s = new PageSession(app);
            await s.LoginAsync(user);
            var home = await s.GetAsync("/t/AALL1731");
            Assert.Equal(audit, home.Html.Contains("href=\"/t/AALL1731/audit\""));
            Assert.Equal(dashboard, home.Html.Contains("href=\"/t/AALL1731/dashboard\""));
            Assert.Equal(randomize, home.Html.Contains("href=\"/t/AALL1731/randomize\""));
        }
    }

    [Fact]
    public async Task UnknownTrialUnknownUserAndWrongPasswordGetTheSameMessage()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        foreach (var (trial, user, password) in new[] { ("NOPE", "coord1", PageSession.Password), (TestApp.Trial, "nobody", PageSession.Password), (TestApp.Trial, "coord1", "wrong password") })
        {
            var answer = await s.LoginAsync(user, password, trial);
            Assert.Equal(401, answer.Status);
            Assert.Equal(Failed, answer.ErrorFor("password"));
            Assert.Contains("aria-invalid=\"true\"", answer.Tag("password"));
            Assert.DoesNotContain("wrong password", answer.Html);
        }
        var empty = await s.SubmitAsync("/login", "/login", ("trialId", ""), ("userName", ""), ("password", ""));
        Assert.Equal(400, empty.Status);
        Assert.Equal("Enter the trial's id.", empty.ErrorFor("trialId"));
        Assert.Equal("Enter your user name.", empty.ErrorFor("userName"));
        Assert.Equal("Enter your password.", empty.ErrorFor("password"));
        Assert.Contains("<a href=\"#trialId\">Enter the trial&#x27;s id.</a>", empty.Html);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FiveFailuresLockTheAccountForFifteenMinutesAndAreAudited(bool postgres)
    {
        using var app = await new TestApp(postgres ? await Databases.CreatePostgresAsync() : null).SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        for (int i = 1; i <= 4; i++) Assert.Equal(Failed, (await s.LoginAsync("coord1", "wrong password")).ErrorFor("password"));
        const string locked = "This account is locked after 5 failed sign-ins. Try again after 2026-01-15 09:15 UTC.";
        var fifth = await s.LoginAsync("coord1", "wrong password");
        Assert.Equal(429, fifth.Status);
        Assert.Equal(locked, fifth.ErrorFor("password"));

        var audit = (await app.Store.ReadAuditAsync(TestApp.Trial))[^1];
        Assert.Equal(("web:sign-in", "user.lockout", "user:coord1"), (audit.Actor, audit.Action, audit.Entity));
        Assert.Equal("{\"failures\":5,\"locked_until\":\"2026-01-15T09:15:00.0000000Z\"}", audit.Details);

        // Locked: even the right password is refused, and the other users are not affected.
        app.Clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        Assert.Equal(locked, (await s.LoginAsync("coord1")).ErrorFor("password"));
        using (var other = new PageSession(app)) Assert.Equal(302, (await other.LoginAsync("coord2")).Status);
        string before = await app.SnapshotAsync();
        Assert.Equal(locked, (await s.LoginAsync("coord1", "wrong again")).ErrorFor("password"));
        Assert.Equal(before, await app.SnapshotAsync());

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var released = await s.LoginAsync("coord1");
        Assert.Equal(302, released.Status);
        Assert.Equal("/t/AALL1731", released.Location);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SuccessClearsTheFailureCount(bool postgres)
    {
        using var app = await new TestApp(postgres ? await Databases.CreatePostgresAsync() : null).SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        for (int i = 0; i < 4; i++) await s.LoginAsync("admin", "wrong password");
        Assert.Equal(4, (await app.Store.GetSignInStateAsync(TestApp.Trial, "admin")).Failures);
        Assert.Equal(302, (await s.LoginAsync("admin")).Status);
        Assert.Equal(0, (await app.Store.GetSignInStateAsync(TestApp.Trial, "admin")).Failures);
        for (int i = 0; i < 4; i++) Assert.Equal(Failed, (await s.LoginAsync("admin", "wrong password")).ErrorFor("password"));
        Assert.Equal(302, (await s.LoginAsync("admin")).Status);
    }

    [Fact]
    public async Task UnknownUsersLeaveNothingInTheDatabase()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        string before = await app.SnapshotAsync();
        for (int i = 0; i < 6; i++) Assert.Equal(Failed, (await s.LoginAsync("mallory", "guess " + i)).ErrorFor("password"));
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(0, (await app.Store.GetSignInStateAsync(TestApp.Trial, "mallory")).Failures);
    }

    [Fact]
    public async Task LogOutEndsTheSession()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("blinded");
        var logout = await s.SubmitAsync("/t/AALL1731", "/logout");
        Assert.Equal(302, logout.Status);
        Assert.Equal("/login?signedOut=1", logout.Location);
        var after = await s.GetAsync("/t/AALL1731/participants");
        Assert.Equal(302, after.Status);
        Assert.Equal("/login?returnUrl=%2Ft%2FAALL1731%2Fparticipants", after.Location);
        Assert.Equal(302, (await s.GetAsync("/logout")).Status);
    }

    [Fact]
    public async Task RevokingAUserEndsTheirOpenSessionAndRefusesSignInUntilANewTokenIsIssued()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        Assert.Equal(302, (await s.LoginAsync("coord1")).Status);
        Assert.Equal(200, (await s.GetAsync("/t/AALL1731/participants")).Status);

        await app.Store.RevokeTokensAsync(TestApp.Trial, "coord1", "left the site", "admin");
        var open = await s.GetAsync("/t/AALL1731/participants");
        Assert.Equal(302, open.Status);
        Assert.StartsWith("/login", open.Location);

        using var again = new PageSession(app);
        var refused = await again.LoginAsync("coord1");
        Assert.Equal(403, refused.Status);
        Assert.Equal(Evident.Server.Pages.LoginModel.WithdrawnMessage, refused.ErrorFor("password"));
        Assert.Equal(0, (await app.Store.GetSignInStateAsync(TestApp.Trial, "coord1")).Failures);

        // A wrong password of the revoked user still gets the ordinary message (nothing is revealed without the password).
        using var wrong = new PageSession(app);
        Assert.Equal(Evident.Server.Pages.LoginModel.FailedMessage, (await wrong.LoginAsync("coord1", "not the password at all")).ErrorFor("password"));

        await app.Store.IssueTokenAsync(TestApp.Trial, "coord1", TimeSpan.FromDays(30), "admin");
        using var restored = new PageSession(app);
        Assert.Equal(302, (await restored.LoginAsync("coord1")).Status);

        // An expired API token limits the API, not the pages.
        app.Clock.Advance(TimeSpan.FromDays(400));
        using var later = new PageSession(app);
        Assert.Equal(302, (await later.LoginAsync("admin")).Status);
    }

    [Fact]
    public async Task TheSessionEndsAfterThirtyIdleMinutesAndAfterEightHoursInAnyCase()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var idle = new PageSession(app);
        await idle.LoginAsync("blinded");
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(302, (await idle.GetAsync("/t/AALL1731")).Status);

        using var busy = new PageSession(app);
        await busy.LoginAsync("blinded");
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(200, (await busy.GetAsync("/t/AALL1731")).Status);
            app.Clock.Advance(TimeSpan.FromMinutes(29));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(20)); // 16 × 29 + 20 = 484 minutes > 8 hours
        Assert.Equal(302, (await busy.GetAsync("/t/AALL1731")).Status);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedAndStoresNothing()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        await s.GetAsync("/t/AALL1731/randomize");
        string before = await app.SnapshotAsync();
        var refused = await s.PostAsync("/t/AALL1731/randomize?handler=Confirm",
            ("participantId", "P-1"), ("idempotencyKey", "k1"), ("strata.risk", "SR-high"),
            ("eligibility.age", "yes"), ("eligibility.standard_risk", "yes"), ("eligibility.prior_therapy", "no"));
        Assert.Equal(400, refused.Status);
        Assert.Contains("<h1>Request refused</h1>", refused.Html);
        Assert.Equal(before, await app.SnapshotAsync());

        var login = await s.PostAsync("/login", ("trialId", TestApp.Trial), ("userName", "coord1"), ("password", PageSession.Password));
        Assert.Equal(400, login.Status);
    }

    [Fact]
    public async Task TheApiRefusesTheSessionCookie()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("admin");
        Assert.Equal(200, (await s.GetAsync("/t/AALL1731/audit")).Status);
        foreach (string url in new[] { "/trials/AALL1731", "/trials/AALL1731/randomizations", "/trials/AALL1731/audit" })
            await TestApp.AssertProblem((await s.Client.GetAsync(url)).EnsureNotRedirect(), 401);
        string before = await app.SnapshotAsync();
        var post = await s.Client.PostAsync("/trials/AALL1731/randomizations", System.Net.Http.Json.JsonContent.Create(TestApp.Enrolment("P-1", "S1")));
        Assert.Equal(401, (int)post.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task PagesCarryTheSecurityHeadersAndTheStylesheetIsServedFromTheAssembly()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        var login = await s.GetAsync("/login");
        var h = login.Response.Headers;
        Assert.Equal(PageSecurityHeaders.ContentSecurityPolicy, string.Join(",", h.GetValues("Content-Security-Policy")));
        Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:", PageSecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("DENY", string.Join(",", h.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", string.Join(",", h.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", string.Join(",", h.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", h.CacheControl?.ToString());
        Assert.Contains("<html lang=\"en\">", login.Html);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", login.Html);
        Assert.DoesNotContain("<script", login.Html);

        string href = System.Text.RegularExpressions.Regex.Match(login.Html, "href=\"(/assets/site\\.css\\?v=[0-9a-f]{16})\"").Groups[1].Value;
        var css = await s.GetAsync(href);
        Assert.Equal(200, css.Status);
        Assert.Equal("text/css", css.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(":focus-visible", css.Html);
        Assert.Equal("public, max-age=31536000, immutable", css.Response.Headers.CacheControl?.ToString());
        var again = new HttpRequestMessage(HttpMethod.Get, href);
        again.Headers.IfNoneMatch.Add(css.Response.Headers.ETag!);
        Assert.Equal(304, (int)(await s.Client.SendAsync(again)).StatusCode);

        // The API keeps its own answers: no page headers, ProblemDetails for 404.
        var api = await s.Client.GetAsync("/health");
        Assert.False(api.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task AnotherTrialIs404AndSignedOutVisitorsAreSentToSignIn()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        await app.Store.CreateTrialAsync(TestApp.MinimizationYaml("OTHER1"), "p.yaml", true, 10, new Random(1), "cli:test");
        using var s = new PageSession(app);
        Assert.Equal("/login?returnUrl=%2Ft%2FAALL1731", (await s.GetAsync("/t/AALL1731")).Location);
        await s.LoginAsync("admin");
        foreach (string url in new[] { "/t/OTHER1", "/t/OTHER1/participants", "/t/NOPE/audit" })
        {
            var answer = await s.GetAsync(url);
            Assert.Equal(404, answer.Status);
            Assert.Contains("<h1>Not found</h1>", answer.Html);
        }
        var returned = await s.SubmitAsync("/login?returnUrl=%2Ft%2FAALL1731%2Faudit", "/login",
            ("trialId", TestApp.Trial), ("userName", "admin"), ("password", PageSession.Password), ("returnUrl", "/t/AALL1731/audit"));
        Assert.Equal("/t/AALL1731/audit", returned.Location);
        var offsite = await s.SubmitAsync("/login", "/login",
            ("trialId", TestApp.Trial), ("userName", "admin"), ("password", PageSession.Password), ("returnUrl", "https://evil.example/"));
        Assert.Equal("/t/AALL1731", offsite.Location);
    }
}

internal static class ResponseExtensions
{
    public static HttpResponseMessage EnsureNotRedirect(this HttpResponseMessage response)
    {
        Assert.NotEqual(302, (int)response.StatusCode);
        return response;
    }
}
