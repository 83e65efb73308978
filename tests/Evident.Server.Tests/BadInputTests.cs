using System.Net.Http.Json;
using System.Text;

namespace Evident.Server.Tests;

public sealed class BadInputTests
{
    private static async Task AssertRefused(TestApp app, HttpContent content, int status, string user = "coord1")
    {
        string before = await app.SnapshotAsync();
        var response = await app.As(user).PostAsync("/trials/AALL1731/randomizations", content);
        await TestApp.AssertProblem(response, status);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{\"participantId\":")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{\"participantId\":\"P-1\",\"site\":\"S1\",\"strata\":{\"risk\":\"SR-high\"},\"eligibility\":{\"age\":\"yes\"}}")]
    [InlineData("{\"participantId\":\"P-1\",\"site\":\"S1\",\"extra\":1}")]
    [InlineData("{\"site\":\"S1\"}")]
    public async Task Malformed_json_is_400_and_nothing_is_written(string body)
    {
        await using var app = await new TestApp().SeedAsync();
        await AssertRefused(app, Json(body), 400);
    }

    [Fact]
    public async Task Unknown_stratum_value_missing_stratum_and_unknown_factor_are_400_naming_the_field()
    {
        await using var app = await new TestApp().SeedAsync();
        var body = new { participantId = "P-1", site = "S1", strata = new { risk = "SR-extreme", colour = "red" }, eligibility = new { age = true, standard_risk = true, prior_therapy = false } };
        string before = await app.SnapshotAsync();
        var response = await TestApp.Randomize(app.As("coord1"), body);
        await TestApp.AssertProblem(response, 400);
        var errors = (await TestApp.Json(response)).GetProperty("errors");
        Assert.Contains("SR-extreme", errors.GetProperty("strata.risk")[0].GetString());
        Assert.True(errors.TryGetProperty("strata.colour", out _));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Missing_or_disqualifying_eligibility_is_400()
    {
        await using var app = await new TestApp().SeedAsync();
        var missing = new { participantId = "P-1", site = "S1", strata = new { risk = "SR-high" }, eligibility = new { age = true } };
        await AssertRefused(app, JsonContent.Create(missing), 400);
        var ineligible = new { participantId = "P-1", site = "S1", strata = new { risk = "SR-high" }, eligibility = new { age = true, standard_risk = true, prior_therapy = true } };
        await AssertRefused(app, JsonContent.Create(ineligible), 400);
    }

    [Fact]
    public async Task Unknown_site_is_400_for_an_admin_and_403_for_a_coordinator()
    {
        await using var app = await new TestApp().SeedAsync();
        await AssertRefused(app, JsonContent.Create(TestApp.Enrolment("P-1", "S99")), 400, "admin");
        await AssertRefused(app, JsonContent.Create(TestApp.Enrolment("P-1", "S99")), 403, "coord1");
    }

    [Fact]
    public async Task Huge_body_is_413_and_nothing_is_written()
    {
        await using var app = await new TestApp().SeedAsync();
        string huge = "{\"participantId\":\"" + new string('x', 200_000) + "\",\"site\":\"S1\"}";
        await AssertRefused(app, Json(huge), 413);
    }

    [Fact]
    public async Task Over_long_participant_id_and_idempotency_key_are_400()
    {
        await using var app = await new TestApp().SeedAsync();
        await AssertRefused(app, JsonContent.Create(TestApp.Enrolment(new string('p', 65), "S1")), 400);
        string before = await app.SnapshotAsync();
        await TestApp.AssertProblem(await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"), new string('k', 129)), 400);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Sql_looking_strings_are_data_never_sql()
    {
        await using var app = await new TestApp().SeedAsync(blinded: false);
        await AssertRefused(app, JsonContent.Create(TestApp.Enrolment("P-1", "S1", "SR-high'; DROP TABLE randomizations; --")), 400);
        // An id in SQL's clothes breaks the id rule; the key (any printable text) and the id's own characters are data.
        await AssertRefused(app, JsonContent.Create(TestApp.Enrolment("x'); DELETE FROM audit; --", "S1")), 400);
        string evil = "x:DELETE.FROM_audit--";
        var created = await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment(evil, "S1"), "k'; DROP TABLE audit;--");
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(evil, (await app.Store.GetRandomizationAsync(TestApp.Trial, evil))!.ParticipantId);
        await TestApp.AssertProblem(await app.As("coord1").GetAsync("/trials/AALL1731/randomizations/%27%20OR%20%271%27=%271"), 404);
        Assert.True((await app.Store.VerifyAuditAsync()).IsIntact);
        Assert.Single(await app.Store.ListRandomizationsAsync(TestApp.Trial));
    }
}
