using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Evident.Server.Tests;

/// <summary>Entries through the JSON API with bearer tokens.</summary>
internal sealed class ApiChannel(TestApp app) : IEntryChannel
{
    private readonly Dictionary<string, HttpClient> coordinators = new() { ["S1"] = app.As("coord1"), ["S2"] = app.As("coord2") };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task RandomizeAsync(string site, string participant, string risk, string? sex)
    {
        var body = sex is null
            ? TestApp.Enrolment(participant, site, risk)
            : new
            {
                participantId = participant,
                site,
                strata = new Dictionary<string, string> { ["risk"] = risk },
                eligibility = new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false },
                covariates = new Dictionary<string, string> { ["sex"] = sex },
            };
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(coordinators[site], body)).StatusCode);
    }

    public async Task MistakeAsync(string participant, DateOnly date)
    {
        var admin = app.As("admin");
        Assert.Equal(HttpStatusCode.Created, (await TestApp.Randomize(admin, TestApp.Enrolment(participant, "S1"))).StatusCode);
        await Record(admin, participant, "adverse-events", new
        {
            term = "Sepsis", grade = 4, onsetDate = Iso(date), serious = true, seriousCriteria = ScenarioAssessment.Criteria(4),
            attribution = ScenarioAssessment.Attribution, actionTaken = ScenarioAssessment.Action(4), outcome = ScenarioAssessment.Outcome(4, null),
        });
        await Record(admin, participant, "follow-up", new { kind = "death", date = Iso(date) });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/trials/AALL1731/randomizations/{participant}/invalidate", new { reason = "randomized the wrong person" })).StatusCode);
    }

    public async Task RefreshAsync()
    {
        // The seeded tokens lived a year; the users get fresh ones.
        foreach (var (site, user) in new[] { ("S1", "coord1"), ("S2", "coord2") }) coordinators[site] = await CapturedScenario.FreshClient(app, user);
    }

    public Task<long> FollowUpAsync(string site, string participant, string kind, DateOnly date, string? relapseSite) =>
        Record(coordinators[site], participant, "follow-up", relapseSite is null ? new { kind, date = Iso(date) } : new { kind, date = Iso(date), relapseSite });

    public Task<long> AdverseEventAsync(string site, string participant, string term, int grade, DateOnly onset, DateOnly? end = null) =>
        Record(coordinators[site], participant, "adverse-events", new
        {
            term, grade, onsetDate = Iso(onset), endDate = end is { } e ? Iso(e) : null, serious = ScenarioAssessment.Serious(grade), seriousCriteria = ScenarioAssessment.Criteria(grade),
            attribution = ScenarioAssessment.Attribution, actionTaken = ScenarioAssessment.Action(grade), outcome = ScenarioAssessment.Outcome(grade, end),
        });

    public Task CorrectFollowUpAsync(string site, string participant, long entry, string kind, DateOnly date, string? relapseSite, string reason) =>
        Correct(coordinators[site], participant, entry, new { kind, date = Iso(date), relapseSite, reason });

    public Task CorrectAdverseEventAsync(string site, string participant, long entry, string term, int grade, DateOnly onset, string reason, DateOnly? end = null) =>
        Correct(coordinators[site], participant, entry, new
        {
            kind = "adverse_event", date = Iso(onset), term, grade, reason, endDate = end is { } e ? Iso(e) : null, serious = ScenarioAssessment.Serious(grade),
            seriousCriteria = ScenarioAssessment.Criteria(grade), attribution = ScenarioAssessment.Attribution, actionTaken = ScenarioAssessment.Action(grade),
            outcome = ScenarioAssessment.Outcome(grade, end),
        });

    private static async Task<long> Record(HttpClient client, string participant, string what, object body)
    {
        var response = await client.PostAsJsonAsync($"/trials/AALL1731/participants/{participant}/{what}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{participant} {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await TestApp.Json(response)).GetProperty("entryId").GetInt64();
    }

    private static async Task Correct(HttpClient client, string participant, long entry, object body)
    {
        var response = await client.PostAsJsonAsync($"/trials/AALL1731/participants/{participant}/entries/{entry}/corrections", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{participant} correction: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
