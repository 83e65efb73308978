using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Evident.Server.Tests;

/// <summary>
/// Every 4xx of the API is a problem with a <c>detail</c> (and <c>errors</c> by field where the reader names one); a
/// malformed request is one warning line in the log, never an error with a stack trace; and every answer of the API is
/// <c>Cache-Control: no-store</c>.
/// </summary>
public sealed class ErrorAnswerTests
{
    private const string Randomizations = "/trials/AALL1731/randomizations";

    public static TheoryData<string, string?, int, string?, string> Bodies => new()
    {
        // body, content type, status, the field errors names (or null), a phrase of the detail
        { "{\"participantId\":", "application/json", 400, null, "The body is not valid for this request" },
        { "not json at all", "application/json", 400, null, "invalid JSON literal. Expected the literal 'null'. (at the top level, line 1, byte 2)" },
        { "[]", "application/json", 400, null, "The body is not valid for this request" },
        { "{\"participantId\":\"P-1\",\"site\":\"S1\",\"strata\":{\"risk\":\"SR-high\"},\"eligibility\":{\"age\":\"yes\"}}", "application/json", 400, "eligibility.age", "eligibility.age" },
        { "{\"participantId\":7,\"site\":\"S1\"}", "application/json", 400, "participantId", "participantId" },
        { "{\"participantId\":\"P-1\",\"site\":\"S1\",\"extra\":1}", "application/json", 400, "extra", "extra" },
        { "{\"site\":\"S1\"}", "application/json", 400, null, "participantId" },
        { "{\"participantId\":\"P-1\",\"site\":\"S1\"}", "text/plain", 415, null, "'Content-Type: application/json' (not 'text/plain; charset=utf-8')" },
        { "{\"participantId\":\"P-1\",\"site\":\"S1\"}", null, 415, null, "(none was given)" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_the_service_cannot_read_is_a_problem_with_a_detail_and_one_warning_line(string body, string? type, int status, string? field, string phrase)
    {
        var log = new ListLogger();
        await using var app = await new TestApp().SeedAsync();
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var client = logged.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Token("coord1"));
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = type is null ? null : MediaTypeHeaderValue.Parse(type == "text/plain" ? "text/plain; charset=utf-8" : type);
        string before = await app.SnapshotAsync();

        var response = await client.PostAsync(Randomizations, content);

        var problem = await AssertDetail(response, status);
        Assert.True(problem.GetProperty("detail").GetString()!.Contains(phrase, StringComparison.Ordinal), problem.ToString());
        Assert.Contains(phrase, problem.GetProperty("detail").GetString());
        if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
        if (status == 400)
        {
            var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
            Assert.StartsWith("Malformed request POST /trials/AALL1731/randomizations: 400 ", warning.Message);
            Assert.DoesNotContain("\n", warning.Message);
            Assert.Null(warning.Exception);
        }
    }

    [Fact]
    public async Task Unknown_routes_methods_tokens_roles_and_sizes_are_problems_with_a_detail()
    {
        await using var app = await new TestApp().SeedAsync();
        var coordinator = app.As("coord1");
        Assert.Contains("There is nothing at '/trials/AALL1731/nothing'", await Detail(await coordinator.GetAsync("/trials/AALL1731/nothing"), 404));
        Assert.Contains("Participant 'P-9' is not randomized", await Detail(await coordinator.GetAsync(Randomizations + "/P-9"), 404));
        Assert.Contains("PUT is not allowed on '/trials/AALL1731/randomizations'", await Detail(await coordinator.PutAsJsonAsync(Randomizations, new { }), 405));
        Assert.Contains("A valid bearer token is required", await Detail(await app.CreateClient().GetAsync(Randomizations), 401));
        Assert.Contains("This token's role may not use this endpoint", await Detail(await app.As("blinded").GetAsync("/trials/AALL1731/allocation-list"), 403));
        var huge = new StringContent("{\"participantId\":\"" + new string('x', 200_000) + "\"}", Encoding.UTF8, "application/json");
        Assert.Contains("bytes; at most 65536 are accepted", await Detail(await coordinator.PostAsync(Randomizations, huge), 413));
        Assert.Contains("A reason", await Detail(await app.As("admin").PostAsJsonAsync(Randomizations + "/P-9/unblind", new { reason = "" }), 400));
    }

    [Fact]
    public async Task Every_answer_that_can_carry_an_arm_or_an_unblinding_is_no_store()
    {
        await using var app = await new TestApp().SeedAsync(blinded: false);
        var created = await TestApp.Randomize(app.As("coord1"), TestApp.Enrolment("P-1", "S1"));
        AssertNoStore(created);
        AssertNoStore(await app.As("coord1").GetAsync(Randomizations));
        AssertNoStore(await app.As("coord1").GetAsync(Randomizations + "/P-1"));
        AssertNoStore(await app.As("unblinded").PostAsJsonAsync(Randomizations + "/P-1/unblind", new { reason = "SAE" }));
        AssertNoStore(await app.As("unblinded").GetAsync("/trials/AALL1731/unblindings"));
        AssertNoStore(await app.As("unblinded").GetAsync("/trials/AALL1731/allocation-list"));
        AssertNoStore(await app.As("unblinded").GetAsync("/trials/AALL1731/interim"));
        AssertNoStore(await app.As("admin").GetAsync("/trials/AALL1731/audit"));
        AssertNoStore(await app.As("admin").PostAsJsonAsync(Randomizations + "/P-1/invalidate", new { reason = "wrong person" }));
        AssertNoStore(await app.As("coord1").GetAsync(Randomizations + "/P-404"));
    }

    private static void AssertNoStore(HttpResponseMessage response) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{response.RequestMessage!.RequestUri}: {response.Headers.CacheControl}");

    private static async Task<string> Detail(HttpResponseMessage response, int status) =>
        (await AssertDetail(response, status)).GetProperty("detail").GetString()!;

    private static async Task<System.Text.Json.JsonElement> AssertDetail(HttpResponseMessage response, int status)
    {
        await TestApp.AssertProblem(response, status);
        var problem = await TestApp.Json(response);
        Assert.True(problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 }, problem.ToString());
        return problem;
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<Entry> entries = new();
        public IReadOnlyList<Entry> Entries => entries.ToArray();
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
        public void Dispose() { }
    }
}
