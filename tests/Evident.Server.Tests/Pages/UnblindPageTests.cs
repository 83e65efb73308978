namespace Evident.Server.Tests.Pages;

/// <summary>Emergency unblinding from the participant page: who may, the reason, what is recorded, the arm shown once.</summary>
public sealed class UnblindPageTests
{
    private const string Page = "/t/AALL1731/participants/P-1";

    private static async Task<TestApp> StartAsync()
    {
        var app = await new TestApp().SeedAsync(password: PageSession.Password);
        Assert.Equal(201, (int)(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        return app;
    }

    [Fact]
    public async Task TheSiteCoordinatorUnblindsWithAReasonAndSeesTheArmOnce()
    {
        using var app = await StartAsync();
        string arm = (await app.Store.GetRandomizationAsync(TestApp.Trial, "P-1"))!.Arm;
        string label = arm == "blinatumomab" ? "Chemotherapy + blinatumomab" : "Chemotherapy";
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        var page = await s.GetAsync(Page);
        Assert.Contains("id=\"unblind-form\"", page.Html);
        RandomizePageTests.AssertNoArm(page.Html);

        string before = await app.SnapshotAsync();
        var missing = await s.SubmitAsync(Page, Page + "?handler=Unblind", ("ub.reason", ""));
        Assert.Equal(400, missing.Status);
        Assert.Equal("Give the medical reason for unblinding (1 to 1000 characters); it goes to the audit trail and the DSMB.", missing.ErrorFor("ub-reason"));
        RandomizePageTests.AssertNoArm(missing.Html);
        Assert.Equal(before, await app.SnapshotAsync());

        var done = await s.SubmitAsync(Page, Page + "?handler=Unblind", ("ub.reason", "anaphylaxis; treating team needs the arm"));
        Assert.Equal(200, done.Status);
        Assert.Matches($"Participant P-1 received: <span class=\"allocation\" id=\"unblinded-arm\">{System.Text.RegularExpressions.Regex.Escape(label)}</span>", done.Text);
        Assert.Equal("no-store", done.Response.Headers.CacheControl?.ToString());
        var unblinding = Assert.Single(await app.Store.ListUnblindingsAsync(TestApp.Trial));
        Assert.Equal(("P-1", "coord1", "anaphylaxis; treating team needs the arm"), (unblinding.ParticipantId, unblinding.By, unblinding.Reason));

        // Not shown again.
        RandomizePageTests.AssertNoArm((await s.GetAsync(Page)).Html);
    }

    [Fact]
    public async Task TheBlindedStatisticianCannotUnblindAndOtherSitesCannotReachTheParticipant()
    {
        using var app = await StartAsync();
        string before = await app.SnapshotAsync();
        using var blinded = new PageSession(app);
        await blinded.LoginAsync("blinded");
        var page = await blinded.GetAsync(Page);
        Assert.DoesNotContain("unblind-form", page.Html);
        var refused = await blinded.PostAsync(Page + "?handler=Unblind", ("ub.reason", "curious"), ("__RequestVerificationToken", PageSession.AntiforgeryToken(page.Html)));
        Assert.Equal(403, refused.Status);
        RandomizePageTests.AssertNoArm(refused.Html);

        using var coord2 = new PageSession(app);
        await coord2.LoginAsync("coord2");
        var own = await coord2.GetAsync("/t/AALL1731/participants");
        var other = await coord2.PostAsync(Page + "?handler=Unblind", ("ub.reason", "wrong site"), ("__RequestVerificationToken", PageSession.AntiforgeryToken(own.Html)));
        Assert.Equal(404, other.Status);
        Assert.Equal(before, await app.SnapshotAsync());
    }
}
