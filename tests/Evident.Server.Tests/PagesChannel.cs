using System.Globalization;

namespace Evident.Server.Tests;

/// <summary>
/// Entries through the site pages, as people make them: sign in with a password, fill the forms (each POST carries the
/// anti-forgery token of the page it came from), follow the redirects. Sessions end after 30 idle minutes, and the clock
/// moves days between randomizations, so each randomization signs in afresh.
/// </summary>
internal sealed class PagesChannel(TestApp app) : IEntryChannel
{
    private const string Randomize = "/t/AALL1731/randomize";
    private readonly Dictionary<string, Pages.PageSession> sessions = [];

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Participant(string id) => $"/t/AALL1731/participants/{Uri.EscapeDataString(id)}";

    private static string CoordinatorOf(string site) => site == "S1" ? "coord1" : "coord2";

    private async Task<Pages.PageSession> SignInAsync(string user)
    {
        if (sessions.Remove(user, out var old)) old.Dispose();
        var session = new Pages.PageSession(app);
        var answer = await session.LoginAsync(user);
        Assert.True(answer.Status == 302, $"{user} could not sign in: {answer.Status}");
        return sessions[user] = session;
    }

    /// <summary>The form's answers; a sex of null is the "Not recorded" choice (an empty value), as the browser posts it.</summary>
    private static (string, string)[] Answers(string participant, string risk, string? sex) =>
    [
        ("participantId", participant), ("idempotencyKey", "page-" + participant), ("strata.risk", risk),
        ("eligibility.age", "yes"), ("eligibility.standard_risk", "yes"), ("eligibility.prior_therapy", "no"), ("covariates.sex", sex ?? ""),
    ];

    private static async Task ConfirmAsync(Pages.PageSession s, string participant, params (string, string)[] answers)
    {
        // Review, then confirm with the token of the review page, as the browser does.
        var review = await s.SubmitAsync(Randomize, Randomize + "?handler=Review", answers);
        Assert.True(review.Status == 200, $"{participant} review: {review.Status}");
        var confirm = await s.PostAsync(Randomize + "?handler=Confirm", [.. answers, ("__RequestVerificationToken", Pages.PageSession.AntiforgeryToken(review.Html))]);
        Assert.True(confirm.Status == 302, $"{participant} confirm: {confirm.Status} {confirm.Text}");
    }

    public async Task RandomizeAsync(string site, string participant, string risk, string? sex) =>
        await ConfirmAsync(await SignInAsync(CoordinatorOf(site)), participant, Answers(participant, risk, sex));

    public async Task MistakeAsync(string participant, DateOnly date)
    {
        var admin = await SignInAsync("admin");
        await ConfirmAsync(admin, participant, [.. Answers(participant, "SR-high", "female"), ("site", "S1")]);
        await Write(admin, participant, "AdverseEvent", [("ae.term", "Sepsis"), ("ae.grade", "4"), ("ae.date", Iso(date)), .. ScenarioAssessment.FormFields("ae", 4, null)]);
        await Write(admin, participant, "FollowUp", ("fu.kind", "death"), ("fu.date", Iso(date)));
        var invalidated = await admin.SubmitAsync(Participant(participant), Participant(participant) + "?handler=Invalidate", ("inv.reason", "randomized the wrong person"));
        Assert.Equal(302, invalidated.Status);
    }

    public async Task RefreshAsync()
    {
        foreach (string user in new[] { "coord1", "coord2" }) await SignInAsync(user);
    }

    public Task<long> FollowUpAsync(string site, string participant, string kind, DateOnly date, string? relapseSite) =>
        Write(sessions[CoordinatorOf(site)], participant, "FollowUp",
              [("fu.kind", kind), ("fu.date", Iso(date)), .. relapseSite is null ? Array.Empty<(string, string)>() : [("fu.relapseSite", relapseSite)]]);

    public async Task<long> AdverseEventAsync(string site, string participant, string term, int grade, DateOnly onset, DateOnly? end = null) =>
        await Write(sessions[CoordinatorOf(site)], participant, "AdverseEvent",
              [.. await TermFieldsAsync("ae", term), ("ae.grade", grade.ToString(CultureInfo.InvariantCulture)), ("ae.date", Iso(onset)),
               ("ae.endDate", end is { } e ? Iso(e) : ""), .. ScenarioAssessment.FormFields("ae", grade, end)]);

    /// <summary>A listed term is chosen from the list; any other is written under "Other, specify", as a person does.</summary>
    private async Task<(string, string)[]> TermFieldsAsync(string names, string term) =>
        (await app.Store.GetTrialAsync(TestApp.Trial))!.Protocol.AdverseEventTerms?.Find(term) is null
            ? [($"{names}.term", Evident.Server.Pages.AdverseEventLabels.OtherSpecify), ($"{names}.otherTerm", term)]
            : [($"{names}.term", term)];

    public Task CorrectFollowUpAsync(string site, string participant, long entry, string kind, DateOnly date, string? relapseSite, string reason) =>
        Write(sessions[CoordinatorOf(site)], participant, $"Correct&entryId={entry}",
              [("c.kind", kind), ("c.date", Iso(date)), ("c.reason", reason), .. relapseSite is null ? Array.Empty<(string, string)>() : [("c.relapseSite", relapseSite)]]);

    public async Task CorrectAdverseEventAsync(string site, string participant, long entry, string term, int grade, DateOnly onset, string reason, DateOnly? end = null) =>
        await Write(sessions[CoordinatorOf(site)], participant, $"Correct&entryId={entry}",
              [("c.kind", "adverse_event"), .. await TermFieldsAsync("c", term), ("c.grade", grade.ToString(CultureInfo.InvariantCulture)), ("c.date", Iso(onset)), ("c.reason", reason),
               ("c.endDate", end is { } e ? Iso(e) : ""), .. ScenarioAssessment.FormFields("c", grade, end)]);

    /// <summary>Posts one of the participant page's forms; the redirect names the entry saved (<c>?saved=N</c>).</summary>
    private static async Task<long> Write(Pages.PageSession s, string participant, string handler, params (string, string)[] fields)
    {
        var answer = await s.SubmitAsync(Participant(participant), Participant(participant) + "?handler=" + handler, fields);
        Assert.True(answer.Status == 302, $"{participant} {handler}: {answer.Status} {answer.Text}");
        var saved = System.Text.RegularExpressions.Regex.Match(answer.Location!, @"[?&]saved=(\d+)");
        return saved.Success ? long.Parse(saved.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
