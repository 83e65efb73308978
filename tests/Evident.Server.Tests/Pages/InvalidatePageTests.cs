namespace Evident.Server.Tests.Pages;

/// <summary>Invalidating a randomization from the participant page: admins only, a reason required, kept and audited.</summary>
public sealed class InvalidatePageTests
{
    private const string Page = "/t/AALL1731/participants/P-1";

    [Fact]
    public async Task AnAdminInvalidatesWithAReasonAndTheRandomizationIsKept()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        Assert.Equal(201, (int)(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        using var admin = new PageSession(app);
        await admin.LoginAsync("admin");
        Assert.Contains("Invalidate randomization R-000001", (await admin.GetAsync(Page)).Html);

        string before = await app.SnapshotAsync();
        var missing = await admin.SubmitAsync(Page, Page + "?handler=Invalidate", ("inv.reason", "   "));
        Assert.Equal(400, missing.Status);
        Assert.Equal("Give the reason for invalidating (1 to 1000 characters).", missing.ErrorFor("inv-reason"));
        Assert.Equal(before, await app.SnapshotAsync());

        var done = await admin.SubmitAsync(Page, Page + "?handler=Invalidate", ("inv.reason", "randomized the wrong child"));
        Assert.Equal(302, done.Status);
        var r = await app.Store.GetRandomizationAsync(TestApp.Trial, "P-1");
        Assert.NotNull(r!.InvalidatedAt);
        Assert.Equal("randomized the wrong child", r.InvalidationReason);
        var page = await admin.GetAsync(Page);
        Assert.Contains("randomized the wrong child", page.Text);
        Assert.DoesNotContain("Invalidate randomization R-000001", page.Html);
        Assert.Contains("This randomization is invalidated", page.Text);
        var audit = (await app.Store.ReadAuditAsync(TestApp.Trial)).Last();
        Assert.Equal(("admin", "invalidate", "randomized the wrong child"), (audit.Actor, audit.Action, audit.Reason));

        var again = await admin.PostAsync(Page + "?handler=Invalidate", ("inv.reason", "twice"), ("__RequestVerificationToken", PageSession.AntiforgeryToken(page.Html)));
        Assert.Equal(409, again.Status);
        Assert.Contains("The randomization of participant 'P-1' is invalidated already.", again.Text); // in the error summary
    }

    [Fact]
    public async Task CoordinatorsAndStatisticiansCannotInvalidate()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        Assert.Equal(201, (int)(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"))).StatusCode);
        string before = await app.SnapshotAsync();
        foreach (string user in new[] { "coord1", "blinded", "unblinded" })
        {
            using var s = new PageSession(app);
            await s.LoginAsync(user);
            var page = await s.GetAsync(Page);
            Assert.DoesNotContain("invalidate-form", page.Html);
            var refused = await s.PostAsync(Page + "?handler=Invalidate", ("inv.reason", "no"), ("__RequestVerificationToken", PageSession.AntiforgeryToken(page.Html)));
            Assert.Equal(403, refused.Status);
        }
        Assert.Equal(before, await app.SnapshotAsync());
    }
}
