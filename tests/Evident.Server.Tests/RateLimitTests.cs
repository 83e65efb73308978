using System.Net;
using System.Net.Http.Json;
using Evident.Server.Tests.Pages;

namespace Evident.Server.Tests;

/// <summary>Rate limits on the API (per token) and on page sign-in (per client address), and the configurable token lifetime.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task The_api_answers_429_with_detail_and_retry_after_past_the_limit_per_token()
    {
        await using var app = new TestApp();
        app.Settings[EvidentServer.ApiPerSecondKey] = "5";
        await app.SeedAsync();
        var coordinator = app.As("coord1");
        var answers = new List<HttpResponseMessage>();
        for (int i = 0; i < 8; i++) answers.Add(await coordinator.GetAsync("/trials/AALL1731/randomizations"));
        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = answers[^1];
        await TestApp.AssertProblem(refused, 429);
        Assert.Equal("More than 5 requests a second with this token (or from this address without one); try again in 1 s.",
            (await TestApp.Json(refused)).GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        // Another token has its own bucket; health is never limited.
        Assert.Equal(HttpStatusCode.OK, (await app.As("admin").GetAsync("/trials/AALL1731/randomizations")).StatusCode);
        for (int i = 0; i < 8; i++) Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/health")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/trials/AALL1731/randomizations")).StatusCode);
    }

    [Fact]
    public async Task Page_sign_in_answers_429_past_the_limit_per_address_and_other_pages_are_not_limited()
    {
        await using var app = new TestApp();
        app.Settings[EvidentServer.SignInPerMinuteKey] = "3";
        await app.SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        for (int i = 0; i < 3; i++) Assert.Equal(401, (await s.LoginAsync("coord1", "wrong password")).Status);
        var refused = await s.LoginAsync("coord1");
        Assert.Equal(429, refused.Status);
        Assert.Contains("Too many sign-in attempts from here", refused.Html);
        Assert.True(refused.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(200, (await s.GetAsync("/login")).Status);
    }

    [Fact]
    public async Task Tokens_issued_through_the_api_last_the_configured_lifetime_by_default()
    {
        await using var app = await new TestApp().SeedAsync();
        var admin = app.As("admin");
        var added = await TestApp.Json(await admin.PostAsJsonAsync("/trials/AALL1731/users", new { name = "carol", role = "blinded-statistician" }));
        Assert.Equal(TestApp.Start.AddDays(90), added.GetProperty("expiresAt").GetDateTimeOffset());
        var stated = await TestApp.Json(await admin.PostAsJsonAsync("/trials/AALL1731/users", new { name = "dave", role = "blinded-statistician", tokenDays = 7 }));
        Assert.Equal(TestApp.Start.AddDays(7), stated.GetProperty("expiresAt").GetDateTimeOffset());

        await using var shorter = new TestApp();
        shorter.Settings[EvidentServer.TokenDaysKey] = "14";
        await shorter.SeedAsync();
        var issued = await TestApp.Json(await shorter.As("admin").PostAsync("/trials/AALL1731/users/coord1/tokens", null));
        Assert.Equal(TestApp.Start.AddDays(14), issued.GetProperty("expiresAt").GetDateTimeOffset());
    }
}
