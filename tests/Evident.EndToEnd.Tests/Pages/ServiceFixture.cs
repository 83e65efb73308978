using System.Net;
using System.Net.Sockets;
using Evident.Server;
using Evident.Server.Infrastructure;
using Evident.Randomization;
using Evident.Randomization.Accounts;
using Evident.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests.Pages;

/// <summary>The collection of browser tests that share one running service.</summary>
[CollectionDefinition("service")]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 (a free port) over a temporary SQLite database, with a blinded AALL1731 trial,
/// sites S1 and S2 and password users admin, coord1 (S1), coord2 (S2), blinded and unblinded; and one headless
/// Debian chromium shared by the collection's tests. Tests share the trial: each uses its own participant ids.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    /// <summary>The tablet viewport the pages are checked at.</summary>
    public static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    private readonly string database = Path.Combine(Path.GetTempPath(), $"evident-pages-{Guid.NewGuid():N}.db");
    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The service's address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The service's store (to seed or inspect data).</summary>
    public TrialStore Store => app!.Services.GetRequiredService<TrialStore>();

    /// <summary>The seeded trial.</summary>
    public string TrialId { get; } = "AALL1731";

    /// <summary>The users seeded, each with a password.</summary>
    public static IReadOnlyList<string> Users { get; } = ["admin", "coord1", "coord2", "blinded", "unblinded"];

    /// <summary>The folder screenshots are saved to: artifacts/pages under the test output.</summary>
    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "pages");

    /// <summary>A user's password.</summary>
    public string Password(string user) => $"{user} has a long passphrase";

    /// <summary>The shared headless chromium.</summary>
    public IBrowser Browser => browser!;

    public async Task InitializeAsync()
    {
        (app, BaseUrl) = await StartServiceAsync(database);

        string yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "aall1731", "protocol.yaml"));
        await Store.CreateTrialAsync(yaml, "protocol.yaml", blinded: true, 500, new Random(1731), "cli:test");
        await Store.AddSiteAsync(TrialId, "S1", "Site one", "cli:test");
        await Store.AddSiteAsync(TrialId, "S2", "Site two", "cli:test");
        foreach (string user in Users)
        {
            var role = user switch
            {
                "admin" => TrialRole.Admin,
                "coord1" or "coord2" => TrialRole.SiteCoordinator,
                "blinded" => TrialRole.BlindedStatistician,
                _ => TrialRole.UnblindedStatistician,
            };
            string? site = user switch { "coord1" => "S1", "coord2" => "S2", _ => null };
            await Store.AddUserAsync(TrialId, user, role, site, Passwords.Hash(Password(user)), TimeSpan.FromDays(30), "cli:test");
        }

        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
        Directory.CreateDirectory(Artifacts);
    }

    /// <summary>Randomizes a participant directly in the store (risk SR-high, eligible), as seed data for a test.</summary>
    public async Task<Evident.Randomization.Allocation> RandomizeAsync(string participant, string site)
    {
        var request = new EnrolmentRequest(participant, site, new Dictionary<string, string> { ["risk"] = "SR-high" },
            new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false });
        var outcome = await Store.RandomizeAsync(TrialId, request, null, new Random(7), "cli:test");
        return outcome.Randomization ?? throw new InvalidOperationException(outcome.Message);
    }

    /// <summary>
    /// A new page (its own cookies) signed in as <paramref name="user"/> through the sign-in form, on the trial's home.
    /// </summary>
    /// <param name="browser">The browser (usually <see cref="Browser"/>).</param>
    /// <param name="user">One of <see cref="Users"/>.</param>
    /// <param name="viewport">The viewport; 1100×900 when null.</param>
    public Task<IPage> LoginAsync(IBrowser browser, string user, ViewportSize? viewport = null) =>
        SignInAsync(browser, BaseUrl, TrialId, user, Password(user), viewport);

    /// <summary>
    /// A new page (its own cookies) on the service at <paramref name="baseUrl"/>, signed in through the sign-in form and
    /// arrived on the trial's home; for tests that start a service of their own.
    /// </summary>
    /// <param name="browser">The browser.</param>
    /// <param name="baseUrl">The service's address.</param>
    /// <param name="trial">The trial signed in to.</param>
    /// <param name="user">The user name.</param>
    /// <param name="password">Its password.</param>
    /// <param name="viewport">The viewport; 1100×900 when null.</param>
    public static async Task<IPage> SignInAsync(IBrowser browser, string baseUrl, string trial, string user, string password, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1100, Height = 900 }, BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Chromium.TimeoutMs);
        page.SetDefaultNavigationTimeout(Chromium.TimeoutMs);
        await page.GotoAsync("/login");
        await page.GetByLabel("Trial").FillAsync(trial);
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync($"{baseUrl}/t/{trial}");
        return page;
    }

    /// <summary>Saves a full-page screenshot to artifacts/pages/NAME.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        string path = Path.Combine(Artifacts, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(database + suffix); } catch (IOException) { }
    }

    /// <summary>
    /// Starts the real service on Kestrel at 127.0.0.1 on a free port over <paramref name="database"/>; returns it and its
    /// address (no trailing slash).
    /// </summary>
    /// <param name="database">A SQLite path (or PostgreSQL connection string).</param>
    /// <param name="configure">Extra configuration (a test clock), or null.</param>
    public static async Task<(WebApplication App, string BaseUrl)> StartServiceAsync(string database, Action<WebApplicationBuilder>? configure = null)
    {
        int port = Chromium.FreePort();
        // Every browser test signs in from 127.0.0.1 to the one service: the sign-in rate limit is off here.
        var app = await EvidentServer.BuildAsync([$"--{EvidentServer.DatabaseKey}={database}", $"--urls=http://127.0.0.1:{port}", $"--{EvidentServer.SignInPerMinuteKey}=0"], configure);
        await app.StartAsync();
        return (app, $"http://127.0.0.1:{port}");
    }
}
