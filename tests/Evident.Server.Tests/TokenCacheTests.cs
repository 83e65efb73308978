using System.Net;
using Evident.Randomization.Accounts;
using Evident.Storage;

namespace Evident.Server.Tests;

/// <summary>
/// Token lookups are cached for <see cref="TrialStore.TokenCacheLifetime"/> (1 s): a revocation made by another process
/// on the same database takes effect within that bound, expiry is never cached, and a token revoked through the
/// service itself is refused at once (see <see cref="AuthenticationTests"/>).
/// </summary>
public sealed class TokenCacheTests
{
    private const string List = "/trials/AALL1731/randomizations";

    [Fact]
    public void The_documented_bound_is_one_second()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), TrialStore.TokenCacheLifetime);
    }

    [Fact]
    public async Task A_token_revoked_by_another_process_is_refused_within_the_cache_lifetime()
    {
        await using var app = await new TestApp().SeedAsync();
        var coordinator = app.As("coord1");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(List)).StatusCode);

        // Another process on the same file: what `evident user revoke` does while the service runs.
        await using (var other = await TrialStore.OpenAsync(app.Database, app.Clock))
            Assert.Equal(1, await other.RevokeTokensAsync(TestApp.Trial, "coord1", "left the site", "cli:test"));
        await Task.Delay(TrialStore.TokenCacheLifetime + TimeSpan.FromMilliseconds(50));

        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await TestApp.Randomize(coordinator, TestApp.Enrolment("P-1", "S1")), 401);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.As("coord2").GetAsync(List)).StatusCode);
    }

    [Fact]
    public async Task A_cached_token_still_expires_by_the_services_clock()
    {
        await using var app = await new TestApp().SeedAsync();
        var coordinator = app.As("coord1");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(List)).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(365) + TimeSpan.FromSeconds(1));
        await TestApp.AssertProblem(await coordinator.GetAsync(List), 401);
    }

    [Fact]
    public async Task A_token_issued_by_another_process_works_at_once()
    {
        await using var app = await new TestApp().SeedAsync();
        IssuedToken issued;
        await using (var other = await TrialStore.OpenAsync(app.Database, app.Clock))
            issued = await other.IssueTokenAsync(TestApp.Trial, "coord2", TimeSpan.FromDays(1), "cli:test");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issued.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(List)).StatusCode);
    }
}
