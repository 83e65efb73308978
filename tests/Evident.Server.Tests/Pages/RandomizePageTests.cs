using System.Text.RegularExpressions;

namespace Evident.Server.Tests.Pages;

/// <summary>The randomize page: fields from the protocol, EnrolmentCheck's problems next to their fields, confirmation, result, blinding, double submission.</summary>
public sealed class RandomizePageTests
{
    private const string Form = "/t/AALL1731/randomize";

    private static (string, string)[] Answers(string participant, string key = "key-1", string risk = "SR-high") =>
    [
        ("participantId", participant), ("idempotencyKey", key), ("strata.risk", risk),
        ("eligibility.age", "yes"), ("eligibility.standard_risk", "yes"), ("eligibility.prior_therapy", "no"),
    ];

    [Fact]
    public async Task TheFormIsGeneratedFromTheProtocol()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        var form = await s.GetAsync(Form);
        Assert.Equal(200, form.Status);
        Assert.Contains("<title>Randomize a participant – AALL1731 – Evident</title>", form.Html);
        Assert.Contains("<legend>Risk group</legend>", form.Html);
        Assert.Contains("<input type=\"radio\" id=\"strata-risk\" name=\"strata.risk\" value=\"SR-average\"", form.Html);
        Assert.Contains("<input type=\"radio\" id=\"strata-risk-1\" name=\"strata.risk\" value=\"SR-high\"", form.Html);
        foreach (string q in new[] { "Aged 1 to 9.99 years at diagnosis?", "NCI standard risk with average or high minimal residual disease after induction?", "Any prior anticancer therapy other than steroids?" })
            Assert.Contains($"<legend>{q}</legend>", form.Text);
        Assert.Contains("<label for=\"eligibility-prior_therapy-no\">No</label>", form.Html);
        // A coordinator's site is fixed; an admin chooses.
        Assert.DoesNotContain("<select id=\"site\"", form.Html);
        Assert.Contains("<strong>Site:</strong> S1 (Site one)", form.Html);
        Assert.Matches("name=\"idempotencyKey\" value=\"[0-9a-f]{32}\"", form.Html);

        using var admin = new PageSession(app);
        await admin.LoginAsync("admin");
        var adminForm = await admin.GetAsync(Form);
        Assert.Contains("<option value=\"S2\">S2 (Site two)</option>", adminForm.Html);

        using var blinded = new PageSession(app);
        await blinded.LoginAsync("blinded");
        Assert.Equal(403, (await blinded.GetAsync(Form)).Status);
    }

    [Fact]
    public async Task EveryEnrolmentProblemIsShownNextToItsFieldAndNothingIsStored()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("admin");
        string before = await app.SnapshotAsync();

        var empty = await s.SubmitAsync(Form, Form + "?handler=Review", ("participantId", ""), ("idempotencyKey", "k"), ("site", ""));
        Assert.Equal(400, empty.Status);
        Assert.Contains("<title>Error: Randomize a participant – AALL1731 – Evident</title>", empty.Html);
        Assert.Equal("The participant id is required. A participant id is 1 to 64 letters, digits, '-', '_', '.' or ':' (not '.' or '..').", empty.ErrorFor("participantId"));
        Assert.Equal("The site is required.", empty.ErrorFor("site"));
        Assert.Equal("Risk group is required: choose SR-average or SR-high.", empty.ErrorFor("strata-risk"));
        Assert.Equal("Answer the question “Aged 1 to 9.99 years at diagnosis?”.", empty.ErrorFor("eligibility-age"));
        Assert.Equal("Answer the question “NCI standard risk with average or high minimal residual disease after induction?”.", empty.ErrorFor("eligibility-standard_risk"));
        Assert.Equal("Answer the question “Any prior anticancer therapy other than steroids?”.", empty.ErrorFor("eligibility-prior_therapy"));
        Assert.Contains("aria-invalid=\"true\"", empty.Tag("participantId"));
        Assert.Contains("aria-describedby=\"participantId-error participantId-hint\"", empty.Tag("participantId"));
        Assert.Contains("aria-describedby=\"strata-risk-error\"", Regex.Match(empty.Html, "<fieldset[^>]*aria-describedby=\"strata-risk-error\"[^>]*>").Value);
        Assert.Contains("<div class=\"error-summary\" role=\"alert\"", empty.Html);
        foreach (string anchor in new[] { "#participantId", "#site", "#strata-risk", "#eligibility-age", "#eligibility-standard_risk", "#eligibility-prior_therapy" })
            Assert.Contains($"<li><a href=\"{anchor}\">", empty.Html);

        var bad = await s.SubmitAsync(Form, Form + "?handler=Review",
            ("participantId", " P-1"), ("idempotencyKey", "k"), ("site", "S9"), ("strata.risk", "SR-low"), ("strata.age_group", "young"),
            ("eligibility.age", "no"), ("eligibility.standard_risk", "yes"), ("eligibility.prior_therapy", "yes"));
        Assert.Equal(400, bad.Status);
        Assert.Equal("The participant id contains a space (U+0020), which is not allowed. A participant id is 1 to 64 letters, digits, '-', '_', '.' or ':' (not '.' or '..').", bad.ErrorFor("participantId"));
        Assert.Equal("'S9' is not a site of trial AALL1731; choose one of S1, S2.", bad.ErrorFor("site"));
        Assert.Equal("'SR-low' is not a level of Risk group: choose SR-average or SR-high.", bad.ErrorFor("strata-risk"));
        // A factor the form does not have (a forged post) is named in the summary.
        Assert.Contains("<li><a href=\"#strata-age_group\">'age_group' is not a stratification factor of this protocol.</a></li>", bad.Text);
        Assert.Equal("Not eligible: the answer to “Aged 1 to 9.99 years at diagnosis?” is no; randomization requires yes.", bad.ErrorFor("eligibility-age"));
        Assert.Null(bad.ErrorFor("eligibility-standard_risk"));
        Assert.Equal("Not eligible: the answer to “Any prior anticancer therapy other than steroids?” is yes; randomization requires no.", bad.ErrorFor("eligibility-prior_therapy"));
        // The answers given are kept.
        Assert.Contains("value=\" P-1\"", bad.Tag("participantId"));
        Assert.Contains("checked=\"checked\"", bad.Tag("eligibility-prior_therapy"));

        // The confirm step checks again: a forged confirmation with an ineligible answer stores nothing.
        var forged = await s.SubmitAsync(Form, Form + "?handler=Confirm",
            ("participantId", "P-1"), ("idempotencyKey", "k"), ("site", "S1"), ("strata.risk", "SR-high"),
            ("eligibility.age", "yes"), ("eligibility.standard_risk", "yes"), ("eligibility.prior_therapy", "yes"));
        Assert.Equal(400, forged.Status);
        Assert.Equal("Not eligible: the answer to “Any prior anticancer therapy other than steroids?” is yes; randomization requires no.", forged.ErrorFor("eligibility-prior_therapy"));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task ConfirmationThenResultShowsTheRandomizationNumberAndNoArmInABlindedTrial()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        string before = await app.SnapshotAsync();
        // A coordinator's posted site is ignored: the participant goes to their own site.
        var review = await s.SubmitAsync(Form, Form + "?handler=Review", [.. Answers("P-0001"), ("site", "S2")]);
        Assert.Equal(200, review.Status);
        Assert.Contains("<h1>Confirm randomization</h1>", review.Html);
        Assert.Contains("<dt>Participant id</dt><dd>P-0001</dd>", review.Html);
        Assert.Contains("<dt>Site</dt><dd>S1 (Site one)</dd>", review.Html);
        Assert.Contains("<dt>Risk group</dt><dd>SR-high</dd>", review.Html);
        Assert.Contains("<dt>Any prior anticancer therapy other than steroids?</dt><dd>No</dd>", review.Html);
        Assert.Equal(before, await app.SnapshotAsync());

        var edit = await s.PostAsync(Form + "?handler=Edit", [.. Answers("P-0001"), ("__RequestVerificationToken", PageSession.AntiforgeryToken(review.Html))]);
        Assert.Equal(200, edit.Status);
        Assert.Contains("value=\"P-0001\"", edit.Tag("participantId"));
        Assert.Contains("checked=\"checked\"", edit.Tag("strata-risk-1"));
        Assert.Equal(before, await app.SnapshotAsync());

        var token = ("__RequestVerificationToken", PageSession.AntiforgeryToken(review.Html));
        var confirm = await s.PostAsync(Form + "?handler=Confirm", [.. Answers("P-0001"), token]);
        Assert.Equal(302, confirm.Status);
        Assert.Equal("/t/AALL1731/randomize/result/P-0001", confirm.Location);
        // The same form submitted twice (a double click, a refresh) does not randomize twice.
        var twice = await s.PostAsync(Form + "?handler=Confirm", [.. Answers("P-0001"), token]);
        Assert.Equal("/t/AALL1731/randomize/result/P-0001", twice.Location);
        var stored = Assert.Single(await app.Store.ListRandomizationsAsync(TestApp.Trial));
        Assert.Equal(("P-0001", "S1", "coord1"), (stored.ParticipantId, stored.Site, stored.RandomizedBy));

        var result = await s.GetAsync(confirm.Location!);
        Assert.Equal(200, result.Status);
        Assert.Contains("<h1>Participant P-0001 is randomized</h1>", result.Html);
        Assert.Contains("<span class=\"allocation\" id=\"randomization-number\">R-000001</span>", result.Html);
        Assert.Contains("Record the randomization number <strong>R-000001</strong> with participant <strong>P-0001</strong>", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("supply", result.Text, StringComparison.Ordinal);
        AssertNoArm(result.Html);

        using var coord2 = new PageSession(app);
        await coord2.LoginAsync("coord2");
        Assert.Equal(404, (await coord2.GetAsync(confirm.Location!)).Status);
    }

    [Fact]
    public async Task InAnOpenLabelTrialTheCoordinatorSeesTheArm()
    {
        using var app = await new TestApp().SeedAsync(blinded: false, password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        var confirm = await s.SubmitAsync(Form, Form + "?handler=Confirm", Answers("P-0001"));
        var stored = Assert.Single(await app.Store.ListRandomizationsAsync(TestApp.Trial));
        string label = stored.Arm == "chemotherapy" ? "Chemotherapy" : "Chemotherapy + blinatumomab";
        var result = await s.GetAsync(confirm.Location!);
        Assert.Contains($"<span class=\"allocation\" id=\"arm\">{label}</span>", result.Text);
    }

    [Fact]
    public async Task AParticipantRandomizedWithOtherValuesIsAConflictShownOnTheForm()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        await s.SubmitAsync(Form, Form + "?handler=Confirm", Answers("P-0001", "key-1"));
        string before = await app.SnapshotAsync();
        var conflict = await s.SubmitAsync(Form, Form + "?handler=Confirm", Answers("P-0001", "key-2", risk: "SR-average"));
        Assert.Equal(409, conflict.Status);
        Assert.Equal("Participant 'P-0001' is already randomized with a different site or different stratification values.", conflict.ErrorFor("participantId"));
        var reused = await s.SubmitAsync(Form, Form + "?handler=Confirm", Answers("P-0002", "key-1"));
        Assert.Equal(409, reused.Status);
        Assert.Equal("This form was already used to randomize another participant; check the participant id and submit again.", reused.ErrorFor("participantId"));
        Assert.DoesNotContain("value=\"key-1\"", reused.Html);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task EveryIdThePageAcceptsIsAddressableAndALookAlikeIsTheSameParticipant()
    {
        using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        using var s = new PageSession(app);
        await s.LoginAsync("coord1");
        foreach (string id in new[] { "site:12.004", "P.1", "Zoë-7", "患者-3" })
        {
            var confirm = await s.SubmitAsync(Form, Form + "?handler=Confirm", Answers(id, "key-" + id));
            Assert.Equal(302, confirm.Status);
            Assert.Equal("/t/AALL1731/randomize/result/" + Uri.EscapeDataString(id), confirm.Location);
            Assert.Contains($"<h1>Participant {id} is randomized</h1>", (await s.GetAsync(confirm.Location!)).Text);
            var participant = await s.GetAsync("/t/AALL1731/participants/" + Uri.EscapeDataString(id));
            Assert.Equal(200, participant.Status);
            Assert.Contains($"<h1>Participant {id}</h1>", participant.Text);
        }
        // The decomposed spelling of Zoë is the participant already randomized (same values: the same allocation).
        var again = await s.SubmitAsync(Form, Form + "?handler=Confirm", Answers("Zoe\u0308-7", "key-again"));
        Assert.Equal("/t/AALL1731/randomize/result/" + Uri.EscapeDataString("Zoë-7"), again.Location);
        Assert.Equal(4, (await app.Store.ListRandomizationsAsync(TestApp.Trial)).Count);

        string before = await app.SnapshotAsync();
        foreach (var (id, named) in new[] { ("A/B", "'/' (U+002F)"), ("..", "cannot be '..'"), ("P\u200B1", "U+200B") })
        {
            var refused = await s.SubmitAsync(Form, Form + "?handler=Confirm", Answers(id, "key-refused"));
            Assert.Equal(400, refused.Status);
            Assert.Contains(named, refused.ErrorFor("participantId"));
        }
        Assert.Equal(before, await app.SnapshotAsync());
    }

    /// <summary>No arm id or label, in any case-sensitive spelling the protocol uses (the trial's title says "Blinatumomab").</summary>
    internal static void AssertNoArm(string html)
    {
        foreach (string arm in new[] { "chemotherapy", "blinatumomab", "Chemotherapy" })
            Assert.DoesNotContain(arm, html);
    }
}
