using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Evident.Server.Tests.Pages;

/// <summary>
/// Two application nodes on one database share page sessions: the cookie keys live in the database, so a cookie (and
/// an anti-forgery token) written by one node is read by the other, requests alternating, and a restart keeps sessions.
/// </summary>
public sealed class SharedSessionTests
{
    [Fact]
    public Task Two_nodes_share_sessions_and_a_restart_keeps_them_on_sqlite() => TwoNodes(null);

    [Fact]
    public async Task Two_nodes_share_sessions_and_a_restart_keeps_them_on_postgresql()
    {
        string database = await Databases.CreatePostgresAsync();
        try
        {
            await TwoNodes(database);
        }
        finally
        {
            await Databases.DropPostgresAsync(database);
        }
    }

    private static async Task TwoNodes(string? database)
    {
        await using var first = await new TestApp(database).SeedAsync(password: PageSession.Password);
        await using var second = new TestApp(first.Database, ownsDatabase: false);
        var cookies = new CookieContainer();
        HttpClient[] nodes = [Client(first, cookies), Client(second, cookies)];

        // Sign-in form from node 1, posted to node 2; then every page alternates between the nodes.
        var login = await nodes[1].PostAsync("/login", Form(await Token(nodes[0], "/login"),
            ("trialId", TestApp.Trial), ("userName", "coord1"), ("password", PageSession.Password)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/t/AALL1731", login.Headers.Location?.OriginalString);
        for (int i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.OK, (await nodes[i % 2].GetAsync("/t/AALL1731/participants")).StatusCode);
        Assert.NotEmpty(await Databases.RowsAsync(first.Database, "SELECT name FROM data_protection_keys"));

        // A node started later (a restart) reads the same session.
        await using (var restarted = new TestApp(first.Database, ownsDatabase: false))
            Assert.Equal(HttpStatusCode.OK, (await Client(restarted, cookies).GetAsync("/t/AALL1731/participants")).StatusCode);

        // The keys come from the database, not from the machine: without them a new node cannot read the cookie.
        await Databases.RowsAsync(first.Database, "DELETE FROM data_protection_keys");
        await using (var keyless = new TestApp(first.Database, ownsDatabase: false))
        {
            var refused = await Client(keyless, cookies).GetAsync("/t/AALL1731/participants");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/login", refused.Headers.Location?.OriginalString);
        }

        // Sign-out on one node, with the other's anti-forgery token, ends the session on both.
        var logout = await nodes[0].PostAsync("/logout", Form(await Token(nodes[1], "/t/AALL1731")));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await nodes[1].GetAsync("/t/AALL1731/participants")).StatusCode);
    }

    private static HttpClient Client(TestApp app, CookieContainer cookies) =>
        new(new CookieContainerHandler(cookies) { InnerHandler = app.Server.CreateHandler() }) { BaseAddress = new Uri("http://localhost") };

    private static async Task<string> Token(HttpClient client, string page)
    {
        var m = Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(m.Success, $"{page} has no anti-forgery token");
        return m.Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]);
}
