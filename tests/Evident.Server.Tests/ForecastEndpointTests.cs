using System.Net;
using Evident.Randomization.Capture;

namespace Evident.Server.Tests;

/// <summary>
/// <c>GET /trials/{id}/forecast</c>: any statistician (blinded or not) reads the predicted dates of the looks; no other
/// role does; the answer names no arm; bad query values are 400 with the field; an unknown trial 404.
/// </summary>
public sealed class ForecastEndpointTests
{
    private const string Forecast = "/trials/AALL1731/forecast";

    /// <summary>40 participants randomized every 5 days, then, 100 days on (tokens last a year), a relapse for every 4th and a last contact for the others.</summary>
    private static async Task<TestApp> TrialAsync()
    {
        var app = await new TestApp().SeedAsync();
        var coord = new[] { app.As("coord1"), app.As("coord2") };
        for (int i = 0; i < 40; i++)
        {
            var response = await TestApp.Randomize(coord[i % 2], TestApp.Enrolment($"P-{i:D2}", i % 2 == 0 ? "S1" : "S2", i % 3 == 0 ? "SR-average" : "SR-high"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            app.Clock.Advance(TimeSpan.FromDays(5));
        }
        app.Clock.Advance(TimeSpan.FromDays(100));
        foreach (var r in await app.Store.ListRandomizationsAsync(TestApp.Trial))
        {
            int i = int.Parse(r.ParticipantId[2..], System.Globalization.CultureInfo.InvariantCulture);
            var start = DateOnly.FromDateTime(r.RandomizedAt.UtcDateTime);
            var input = i % 4 == 0 ? new CaptureInput(CaptureKind.Relapse, start.AddDays(30 + i), "marrow", null, null)
                : new CaptureInput(CaptureKind.LastContact, start.AddDays(60), null, null, null);
            await app.Store.RecordAsync(TestApp.Trial, r.ParticipantId, input, "coord");
        }
        return app;
    }

    [Fact]
    public async Task AnyStatisticianReadsThePredictedDatesWithoutArms()
    {
        await using var app = await TrialAsync();
        var blinded = await app.As("blinded").GetAsync(Forecast + "?replicates=500");
        Assert.Equal(HttpStatusCode.OK, blinded.StatusCode);
        string text = await blinded.Content.ReadAsStringAsync();
        Assert.DoesNotContain("blinatumomab", text);
        Assert.DoesNotContain("chemotherapy", text);
        var json = System.Text.Json.JsonDocument.Parse(text).RootElement;
        Assert.Equal(10, json.GetProperty("events").GetInt32());
        Assert.Equal(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            json.GetProperty("cutoff").GetString());
        var looks = json.GetProperty("looks").EnumerateArray().ToList();
        Assert.NotEmpty(looks);
        foreach (var look in looks)
        {
            foreach (string key in new[] { "look", "target_events", "predicted_date", "lower", "upper", "level" }) Assert.True(look.TryGetProperty(key, out _), key);
        }
        var unblinded = await app.As("unblinded").GetAsync(Forecast + "?replicates=500");
        Assert.Equal(text, await unblinded.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("coord1")]
    public async Task OtherRolesAreForbidden(string role)
    {
        await using var app = await TrialAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As(role).GetAsync(Forecast)).StatusCode);
    }

    [Theory]
    [InlineData("accrual=guess", "accrual")]
    [InlineData("pieces=0,x", "pieces")]
    [InlineData("pieces=0,5000", "pieces")]
    [InlineData("level=1.5", "level")]
    [InlineData("replicates=10", "replicates")]
    public async Task BadQueryValuesAreNamed(string query, string field)
    {
        await using var app = await TrialAsync();
        var response = await app.As("blinded").GetAsync($"{Forecast}?{query}");
        await TestApp.AssertProblem(response, 400);
        var problem = await TestApp.Json(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ATrialWithNobodyRandomizedIsAConflict()
    {
        await using var app = await new TestApp().SeedAsync();
        await TestApp.AssertProblem(await app.As("blinded").GetAsync(Forecast), 409);
    }
}
