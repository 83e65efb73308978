using System.Text.RegularExpressions;

namespace Evident.Server.Tests.Pages;

/// <summary>The randomize page's baseline characteristics: one group per protocol covariate, problems next to it, shown on confirmation, result and participant page.</summary>
public sealed class BaselineCovariatePageTests
{
    private const string Form = "/t/AALL1731/randomize";

    private static (string, string)[] Answers(string participant, string? sex) =>
    [
        ("participantId", participant), ("idempotencyKey", "key-" + participant), ("strata.risk", "SR-high"),
        ("eligibility.age", "yes"), ("eligibility.standard_risk", "yes"), ("eligibility.prior_therapy", "no"), ("covariates.sex", sex ?? ""),
    ];

    [Fact]
    public async Task TheFormHasOneGroupPerCovariateWithItsLevelsAndNotRecorded()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        var form = await s.GetAsync(Form);
        Assert.Equal(200, form.Status);
        Assert.Contains("<h2>Baseline characteristics</h2>", form.Html);
        Assert.Contains("<legend>Sex</legend>", form.Html);
        Assert.Contains("<input type=\"radio\" id=\"covariates-sex\" name=\"covariates.sex\" value=\"female\"", form.Html);
        Assert.Contains("<label for=\"covariates-sex\">female</label>", form.Html);
        Assert.Contains("<input type=\"radio\" id=\"covariates-sex-1\" name=\"covariates.sex\" value=\"male\"", form.Html);
        Assert.Contains("<label for=\"covariates-sex-none\">Not recorded</label>", form.Html);
        // Nothing chosen yet: "Not recorded" is the checked choice, and the group is after eligibility, before Continue.
        Assert.Contains("checked=\"checked\"", form.Tag("covariates-sex-none"));
        Assert.DoesNotContain("checked", form.Tag("covariates-sex"));
        Assert.DoesNotContain("checked", form.Tag("covariates-sex-1"));
        int eligibility = form.Html.IndexOf("<h2>Eligibility</h2>", StringComparison.Ordinal);
        int baseline = form.Html.IndexOf("<h2>Baseline characteristics</h2>", StringComparison.Ordinal);
        int button = form.Html.IndexOf("id=\"review\"", StringComparison.Ordinal);
        Assert.True(eligibility < baseline && baseline < button, $"{eligibility} < {baseline} < {button}");
    }

    [Fact]
    public async Task ABadOrForgedCovariateIsShownNextToItsFieldAndNothingIsStored()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        string before = await app.SnapshotAsync();

        var bad = await s.SubmitAsync(Form, Form + "?handler=Review", [.. Answers("P-1", "F"), ("covariates.age_group", "young")]);
        Assert.Equal(400, bad.Status);
        Assert.Equal("'F' is not a level of Sex: choose female or male, or leave it unrecorded.", bad.ErrorFor("covariates-sex"));
        Assert.Contains("aria-describedby=\"covariates-sex-error\"", Regex.Match(bad.Html, "<fieldset[^>]*aria-describedby=\"covariates-sex-error\"[^>]*>").Value);
        Assert.Contains("aria-invalid=\"true\"", bad.Tag("covariates-sex"));
        Assert.Contains("<li><a href=\"#covariates-sex\">", bad.Html);
        // A covariate the form does not have (a forged post) is named in the summary.
        Assert.Contains("<li><a href=\"#covariates-age_group\">'age_group' is not a covariate of this protocol; the covariates are sex.</a></li>", bad.Text);
        Assert.Null(bad.ErrorFor("participantId"));

        // The confirm step checks again.
        var forged = await s.SubmitAsync(Form, Form + "?handler=Confirm", Answers("P-1", "other"));
        Assert.Equal(400, forged.Status);
        Assert.Equal("'other' is not a level of Sex: choose female or male, or leave it unrecorded.", forged.ErrorFor("covariates-sex"));
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Empty(await Databases.RowsAsync(app.Database, "SELECT * FROM baseline_values"));
    }

    [Fact]
    public async Task TheChoiceIsConfirmedStoredAndShownOnTheResultAndTheParticipantPage()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        string before = await app.SnapshotAsync();

        var review = await s.SubmitAsync(Form, Form + "?handler=Review", Answers("P-1", "male"));
        Assert.Equal(200, review.Status);
        Assert.Contains("<dt>Sex</dt><dd>male</dd>", review.Html);
        Assert.Contains("<input type=\"hidden\" name=\"covariates.sex\" value=\"male\">", review.Html);
        Assert.Equal(before, await app.SnapshotAsync());

        // Back to the form: the choice is kept.
        var token = ("__RequestVerificationToken", PageSession.AntiforgeryToken(review.Html));
        var edit = await s.PostAsync(Form + "?handler=Edit", [.. Answers("P-1", "male"), token]);
        Assert.Contains("checked=\"checked\"", edit.Tag("covariates-sex-1"));
        Assert.DoesNotContain("checked", edit.Tag("covariates-sex-none"));

        var confirm = await s.PostAsync(Form + "?handler=Confirm", [.. Answers("P-1", "male"), token]);
        Assert.Equal(302, confirm.Status);
        var stored = Assert.Single(await app.Store.ListRandomizationsAsync(TestApp.Trial));
        Assert.Equal(["sex=male"], stored.Covariates.Select(c => $"{c.Key}={c.Value}"));
        var result = await s.GetAsync(confirm.Location!);
        Assert.Contains("<dt>Sex</dt><dd>male</dd>", result.Html);
        RandomizePageTests.AssertNoArm(result.Html);

        // "Not recorded": nothing stored for the covariate, and the pages say so.
        var unrecorded = await s.SubmitAsync(Form, Form + "?handler=Review", Answers("P-2", null));
        Assert.Contains("<dt>Sex</dt><dd>Not recorded</dd>", unrecorded.Html);
        Assert.DoesNotContain("name=\"covariates.sex\"", unrecorded.Html);
        var second = await s.PostAsync(Form + "?handler=Confirm", [.. Answers("P-2", null), ("__RequestVerificationToken", PageSession.AntiforgeryToken(unrecorded.Html))]);
        Assert.Equal(302, second.Status);
        Assert.Empty((await app.Store.GetRandomizationAsync(TestApp.Trial, "P-2"))!.Covariates);
        Assert.Contains("<dt>Sex</dt><dd>Not recorded</dd>", (await s.GetAsync(second.Location!)).Html);
        Assert.Equal([["P-1", "sex", "male"]], await Databases.RowsAsync(app.Database, "SELECT participant_id, covariate, value FROM baseline_values"));

        // The participant page shows the covariates to every role that sees the participant (the blinded statistician too).
        using var blinded = new PageSession(app);
        await blinded.LoginAsync("blinded");
        var page = await blinded.GetAsync("/t/AALL1731/participants/P-1");
        Assert.Equal(200, page.Status);
        Assert.Contains("<dt>Sex</dt><dd>male</dd>", page.Html);
        Assert.Contains("<dt>Sex</dt><dd>Not recorded</dd>", (await blinded.GetAsync("/t/AALL1731/participants/P-2")).Html);
    }
}
