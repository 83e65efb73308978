using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Evident.Server.Tests.Pages;

/// <summary>A form the pages cannot read is the client's mistake: a 4xx page and one warning line, never an error with a stack trace.</summary>
public sealed class MalformedPageRequestTests
{
    public static TheoryData<string, string, string, int> Forms => new()
    {
        // path, content type, body, status
        { "/t/AALL1731/randomize?handler=review", "multipart/form-data", "--x\r\n", 400 },
        { "/t/AALL1731/randomize?handler=review", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", 400 },
        { "/t/AALL1731/randomize?handler=review", "application/json", "{", 415 },
        { "/t/AALL1731/randomize?handler=review", "application/x-www-form-urlencoded", string.Join("&", Enumerable.Range(0, 2000).Select(i => $"k{i}=v")), 400 },
        { "/login", "multipart/form-data", "--x\r\nnot a part", 400 },
        { "/logout", "text/plain", "bye", 415 },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_form_the_pages_cannot_read_is_a_4xx_page_and_one_warning_line(string path, string type, string body, int status)
    {
        var log = new ListLogger();
        await using var app = await new TestApp().SeedAsync(password: PageSession.Password);
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        // Signed in, with the anti-forgery token in its header, so only the body is at fault.
        string token = PageSession.AntiforgeryToken(await client.GetStringAsync("/login"));
        var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["trialId"] = TestApp.Trial, ["userName"] = "coord1", ["password"] = PageSession.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(302, (int)signIn.StatusCode);
        token = PageSession.AntiforgeryToken(await client.GetStringAsync("/t/AALL1731/randomize"));
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        string before = await app.SnapshotAsync();

        var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore == true);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.StartsWith($"Malformed request POST {path[..(path + "?").IndexOf('?')]}: {status} ", warning.Message);
        Assert.DoesNotContain("\n", warning.Message);
        Assert.Null(warning.Exception);
    }

    internal sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    internal sealed class ListLogger : ILoggerProvider, ILogger
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
