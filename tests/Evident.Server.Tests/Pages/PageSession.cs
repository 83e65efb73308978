using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Evident.Server.Tests.Pages;

/// <summary>A browser-like client of the pages: keeps cookies, does not follow redirects, posts forms with the anti-forgery token of the form's page.</summary>
public sealed partial class PageSession(TestApp app) : IDisposable
{
    public const string Password = "correct horse battery staple";

    public HttpClient Client { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public sealed record Answer(int Status, string Html, HttpResponseMessage Response)
    {
        public string? Location => Response.Headers.Location?.OriginalString;

        /// <summary>The text of a field's message (the paragraph with id ID-error), decoded; null when there is none.</summary>
        public string? ErrorFor(string id)
        {
            var m = Regex.Match(Html, $"<p class=\"field-error\" id=\"{Regex.Escape(id)}-error\"><span class=\"visually-hidden\">Error: </span>(.*?)</p>", RegexOptions.Singleline);
            return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value.Replace("<br>", "\n")) : null;
        }

        /// <summary>The start tag of the element with this id.</summary>
        public string Tag(string id)
        {
            var m = Regex.Match(Html, $"<(input|select|textarea|fieldset)\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>", RegexOptions.Singleline);
            Assert.True(m.Success, $"no control with id {id}");
            return m.Value;
        }

        public string Text => WebUtility.HtmlDecode(Html);
    }

    public async Task<Answer> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>GETs <paramref name="formPage"/>, then POSTs <paramref name="fields"/> with its anti-forgery token to <paramref name="action"/>.</summary>
    public async Task<Answer> SubmitAsync(string formPage, string action, params (string Name, string Value)[] fields)
    {
        var page = await GetAsync(formPage);
        Assert.Equal(200, page.Status);
        return await PostAsync(action, [.. fields, ("__RequestVerificationToken", AntiforgeryToken(page.Html))]);
    }

    public async Task<Answer> PostAsync(string action, params (string Name, string Value)[] fields)
    {
        var response = await Client.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static string AntiforgeryToken(string html)
    {
        var m = TokenPattern().Match(html);
        Assert.True(m.Success, "the page has no anti-forgery token");
        return m.Groups[1].Value;
    }

    public Task<Answer> LoginAsync(string user, string password = Password, string trial = TestApp.Trial) =>
        SubmitAsync("/login", "/login", ("trialId", trial), ("userName", user), ("password", password));

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
