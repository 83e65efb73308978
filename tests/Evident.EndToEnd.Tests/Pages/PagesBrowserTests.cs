using Evident.Storage;
using System.Globalization;
using Evident.Randomization.Capture;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests.Pages;

/// <summary>
/// The pages in headless chromium against the real service: a coordinator's whole flow, site scoping, blinding, keyboard
/// use, a tablet viewport, and an offline accessibility sanity check. Screenshots go to artifacts/pages.
/// </summary>
[Collection("service")]
public sealed class PagesBrowserTests(ServiceFixture service)
{
    /// <summary>Arm ids and labels, case-sensitive (the trial's title says "Blinatumomab", which is not an arm).</summary>
    private static readonly string[] ArmWords = ["chemotherapy", "blinatumomab", "Chemotherapy"];

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ACoordinatorRandomizesThenRecordsARelapseAndAnAdverseEvent()
    {
        var page = await service.LoginAsync(service.Browser, "coord1");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Randomize" }).ClickAsync();
        await page.GetByLabel("Participant id").FillAsync("E2E-001");
        await page.GetByRole(AriaRole.Group, new() { Name = "Risk group" }).GetByLabel("SR-high").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Aged 1 to 9.99 years at diagnosis?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "NCI standard risk with average or high minimal residual disease after induction?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Any prior anticancer therapy other than steroids?" }).GetByLabel("No").CheckAsync();
        await ServiceFixture.ScreenshotAsync(page, "randomize-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("#confirm-summary").WaitForAsync();   // the form page has an h1 too: wait for the answer

        Assert.Equal("Confirm randomization", await page.Locator("h1").InnerTextAsync());
        string summary = await page.Locator("#confirm-summary").InnerTextAsync();
        Assert.Contains("E2E-001", summary);
        Assert.Contains("SR-high", summary);
        await ServiceFixture.ScreenshotAsync(page, "randomize-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Randomize E2E-001" }).ClickAsync();

        await page.WaitForURLAsync($"{service.BaseUrl}/t/{service.TrialId}/randomize/result/E2E-001");
        var stored = (await service.Store.GetRandomizationAsync(service.TrialId, "E2E-001"))!;
        Assert.Equal($"R-{stored.Id:D6}", await page.Locator("#randomization-number").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#arm").CountAsync());
        await ServiceFixture.ScreenshotAsync(page, "randomize-result");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record follow-up for E2E-001" }).ClickAsync();
        var followUp = page.Locator("#follow-up-form");
        await followUp.GetByLabel("Relapse", new() { Exact = true }).CheckAsync();
        await followUp.GetByLabel("Isolated CNS").CheckAsync();
        await followUp.GetByLabel("Date").FillAsync(Today);
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Record follow-up" }).ClickAsync();
        Assert.Matches("^Entry [0-9]+ saved\\.$", await page.Locator("#saved").InnerTextAsync());

        var adverse = page.Locator("#adverse-event-form");
        await adverse.GetByLabel("Adverse event term").FillAsync("Febrile neutropenia");
        await adverse.GetByLabel("Grade", new() { Exact = true }).SelectOptionAsync("3");
        await adverse.GetByLabel("Onset date").FillAsync(Today);
        await adverse.GetByLabel("No, not serious").CheckAsync();
        await adverse.GetByRole(AriaRole.Group, new() { Name = "Attribution to the study treatment" }).GetByLabel("Possible").CheckAsync();
        await adverse.GetByLabel("Action taken with the study treatment").SelectOptionAsync("none");
        await adverse.GetByLabel("Outcome").SelectOptionAsync("not_recovered");
        string before = page.Url;
        await adverse.GetByRole(AriaRole.Button, new() { Name = "Record adverse event" }).ClickAsync();
        // The page before the click has a timeline too: wait for the redirect after the save (?saved=N changes).
        await page.WaitForURLAsync(url => url != before);

        string timeline = await page.Locator("ol.timeline").InnerTextAsync();
        Assert.Contains($"{Today} Relapse: Isolated CNS", timeline);
        Assert.Contains($"{Today} Adverse event: Febrile neutropenia, grade 3", timeline);
        var entries = await service.Store.ListCurrentAsync(service.TrialId, "E2E-001");
        Assert.Equal([CaptureKind.Relapse, CaptureKind.AdverseEvent], entries.Select(e => e.Content.Kind));
        Assert.All(entries, e => Assert.Equal("coord1", e.RecordedBy));
        foreach (string word in ArmWords) Assert.DoesNotContain(word, await page.ContentAsync());
        await ServiceFixture.ScreenshotAsync(page, "participant-timeline");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOtherSitesCoordinatorCannotSeeTheParticipant()
    {
        await service.RandomizeAsync("E2E-S1-ONLY", "S1");
        await service.Store.RecordAsync(service.TrialId, "E2E-S1-ONLY", new CaptureInput(CaptureKind.LastContact, DateOnly.FromDateTime(DateTime.UtcNow), null, null, null), "coord1");
        var page = await service.LoginAsync(service.Browser, "coord2");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Participants" }).ClickAsync();
        await page.WaitForURLAsync($"{service.BaseUrl}/t/{service.TrialId}/participants");
        Assert.DoesNotContain("E2E-S1-ONLY", await page.ContentAsync());
        Assert.Contains("Participants randomized at Site two", await page.Locator("main").InnerTextAsync());

        var direct = await page.GotoAsync($"/t/{service.TrialId}/participants/E2E-S1-ONLY");
        Assert.Equal(404, direct!.Status);
        Assert.Equal("Not found", await page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain("E2E-S1-ONLY", await page.ContentAsync());
        Assert.Equal(404, (await page.GotoAsync($"/t/{service.TrialId}/randomize/result/E2E-S1-ONLY"))!.Status);
        await ServiceFixture.ScreenshotAsync(page, "other-site-404");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheBlindedStatisticianNeverSeesAnArmOnAnyPageTheyCanReach()
    {
        await service.RandomizeAsync("E2E-BLIND-1", "S1");
        await service.RandomizeAsync("E2E-BLIND-2", "S2");
        await service.Store.RecordAsync(service.TrialId, "E2E-BLIND-1", new CaptureInput(CaptureKind.AdverseEvent, DateOnly.FromDateTime(DateTime.UtcNow), null, "Sepsis", 4), "admin");
        var page = await service.LoginAsync(service.Browser, "blinded");

        // Follow every link of every page reached, within the trial, breadth first.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([$"/t/{service.TrialId}"]);
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            string path = queue.Dequeue();
            if (!seen.Add(path)) continue;
            var response = await page.GotoAsync(path);
            statuses[path] = response!.Status;
            string html = await page.ContentAsync();
            foreach (string word in ArmWords) Assert.False(html.Contains(word, StringComparison.Ordinal), $"{path} shows '{word}'");
            foreach (string href in await page.Locator("a[href^='/t/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                queue.Enqueue(href.Split('#')[0]);
        }
        Assert.Contains($"/t/{service.TrialId}/participants", seen);
        Assert.Contains($"/t/{service.TrialId}/participants/E2E-BLIND-1", seen);
        Assert.Contains($"/t/{service.TrialId}/participants/E2E-BLIND-2", seen);
        Assert.All(statuses, s => Assert.Equal(200, s.Value));
        Assert.DoesNotContain($"/t/{service.TrialId}/randomize", seen);
        Assert.DoesNotContain($"/t/{service.TrialId}/dashboard", seen);

        // The pages they cannot reach answer without content.
        Assert.Equal(403, (await page.GotoAsync($"/t/{service.TrialId}/randomize"))!.Status);
        Assert.Equal(403, (await page.GotoAsync($"/t/{service.TrialId}/audit"))!.Status);
        await page.GotoAsync($"/t/{service.TrialId}/participants/E2E-BLIND-1");
        Assert.Contains("Adverse event: Sepsis, grade 4", await page.Locator("ol.timeline").InnerTextAsync());
        await ServiceFixture.ScreenshotAsync(page, "blinded-participant");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignInAndRandomizationWorkWithTheKeyboardAlone()
    {
        var context = await service.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = service.BaseUrl, ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Chromium.TimeoutMs);
        page.SetDefaultNavigationTimeout(Chromium.TimeoutMs);
        await page.GotoAsync("/login");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await TabToAsync(page, "trialId");
        await page.Keyboard.TypeAsync(service.TrialId);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("coord1");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(service.Password("coord1"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"{service.BaseUrl}/t/{service.TrialId}");

        await TabToAsync(page, "a", "Randomize");
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"{service.BaseUrl}/t/{service.TrialId}/randomize");
        await TabToAsync(page, "participantId");
        await page.Keyboard.TypeAsync("E2E-KEYS");
        await page.Keyboard.PressAsync("Tab");              // risk group: SR-average
        await page.Keyboard.PressAsync("ArrowRight");       // SR-high (arrows move and select within a radio group)
        await page.Keyboard.PressAsync("Tab");              // age: Yes
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");              // standard risk: Yes
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");              // prior therapy: Yes
        await page.Keyboard.PressAsync("ArrowRight");       // No
        await page.Keyboard.PressAsync("Tab");              // sex: Not recorded (checked until a level is chosen)
        await page.Keyboard.PressAsync("ArrowLeft");        // male
        await page.Keyboard.PressAsync("Tab");              // Continue
        Assert.Equal("review", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#confirm");
        await TabToAsync(page, "confirm");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"{service.BaseUrl}/t/{service.TrialId}/randomize/result/E2E-KEYS");
        var stored = (await service.Store.GetRandomizationAsync(service.TrialId, "E2E-KEYS"))!;
        Assert.Equal(("S1", "SR-high", "male"), (stored.Site, stored.Strata["risk"], stored.Covariates["sex"]));
        await ServiceFixture.ScreenshotAsync(page, "keyboard-result");
        await context.CloseAsync();
    }

    [Fact]
    public async Task OnATabletThePagesFitAndTouchTargetsAreLargeEnough()
    {
        await service.RandomizeAsync("E2E-TABLET", "S1");
        await service.Store.RecordAsync(service.TrialId, "E2E-TABLET", new CaptureInput(CaptureKind.Relapse, DateOnly.FromDateTime(DateTime.UtcNow), "marrow", null, null), "coord1");
        var page = await service.LoginAsync(service.Browser, "coord1", ServiceFixture.Tablet);
        foreach (var (path, name) in new[] { ($"/t/{service.TrialId}/randomize", "tablet-randomize"), ($"/t/{service.TrialId}/participants/E2E-TABLET", "tablet-participant") })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 768 px");
            var small = await page.EvaluateAsync<string[]>("""
                [...document.querySelectorAll('button, .choice, nav a, input[type=text], input[type=date], input[type=password], select, details summary')]
                  .filter(e => e.offsetParent !== null)
                  .filter(e => e.getBoundingClientRect().height < 44)
                  .map(e => (e.id || e.textContent.trim()) + ' ' + e.getBoundingClientRect().height)
                """);
            Assert.Empty(small);
            await ServiceFixture.ScreenshotAsync(page, name);
        }
        Assert.True(new FileInfo(Path.Combine(ServiceFixture.Artifacts, "tablet-participant.png")).Length > 20_000);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryControlHasALabelAndNoIdRepeats()
    {
        await service.RandomizeAsync("E2E-A11Y", "S1");
        await service.Store.RecordAsync(service.TrialId, "E2E-A11Y", new CaptureInput(CaptureKind.LastContact, DateOnly.FromDateTime(DateTime.UtcNow), null, null, null), "coord1");
        var anonymous = await service.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = service.BaseUrl });
        anonymous.SetDefaultTimeout(Chromium.TimeoutMs);
        anonymous.SetDefaultNavigationTimeout(Chromium.TimeoutMs);
        await anonymous.GotoAsync("/login");
        await AssertAccessibleAsync(anonymous, "/login");
        await anonymous.Context.CloseAsync();

        foreach (string user in new[] { "coord1", "admin" })
        {
            var page = await service.LoginAsync(service.Browser, user);
            foreach (string path in new[] { "", "/randomize", "/participants", "/participants/E2E-A11Y" }.Concat(user == "admin" ? ["/audit"] : []))
            {
                await page.GotoAsync($"/t/{service.TrialId}{path}");
                await AssertAccessibleAsync(page, path);
            }
            // With every validation message showing.
            await page.GotoAsync($"/t/{service.TrialId}/randomize");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            // CountAsync does not wait: wait for the answer to the POST (slow when the machine is busy) first.
            await page.Locator(".error-summary li").First.WaitForAsync();
            Assert.True(await page.Locator(".error-summary li").CountAsync() >= 4);
            await AssertAccessibleAsync(page, "/randomize with errors");
            await ServiceFixture.ScreenshotAsync(page, $"randomize-errors-{user}");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// An offline, axe-like sanity check: lang, a title, one h1, every visible control labelled (label, aria-label or
    /// aria-labelledby), every radio inside a fieldset with a legend, no repeated id, every aria-describedby pointing at
    /// an element, every header cell scoped, the skip link first.
    /// </summary>
    private static async Task AssertAccessibleAsync(IPage page, string where)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            (() => {
              const p = [];
              if (!document.documentElement.lang) p.push('no lang');
              if (!document.title.trim()) p.push('no title');
              if (document.querySelectorAll('h1').length !== 1) p.push('h1 count ' + document.querySelectorAll('h1').length);
              const ids = {};
              for (const e of document.querySelectorAll('[id]')) ids[e.id] = (ids[e.id] || 0) + 1;
              for (const [id, n] of Object.entries(ids)) if (n > 1) p.push('duplicate id ' + id);
              for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
                const named = (c.labels && c.labels.length > 0 && [...c.labels].some(l => l.textContent.trim())) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
                if (!named) p.push('unlabelled ' + (c.id || c.name));
                if (c.type === 'radio' && !(c.closest('fieldset') && c.closest('fieldset').querySelector('legend'))) p.push('radio outside a fieldset ' + c.id);
              }
              for (const e of document.querySelectorAll('[aria-describedby]'))
                for (const id of e.getAttribute('aria-describedby').split(/\s+/)) if (!document.getElementById(id)) p.push('describedby missing ' + id);
              for (const th of document.querySelectorAll('th')) if (!th.getAttribute('scope')) p.push('th without scope');
              const first = document.querySelector('body a, body button, body input');
              if (!first || !first.classList.contains('skip-link')) p.push('skip link not first');
              return p;
            })()
            """);
        Assert.True(problems.Length == 0, $"{where}: {string.Join("; ", problems)}");
    }

    /// <summary>Presses Tab until the focused element has this id (or, for "a", this link text); at most 40 times.</summary>
    private static async Task TabToAsync(IPage page, string idOrTag, string? text = null)
    {
        for (int i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            bool found = text is null
                ? await page.EvaluateAsync<bool>("id => document.activeElement && document.activeElement.id === id", idOrTag)
                : await page.EvaluateAsync<bool>("([tag, text]) => document.activeElement && document.activeElement.tagName.toLowerCase() === tag && document.activeElement.textContent.trim() === text", new[] { idOrTag, text });
            if (found) return;
        }
        Assert.Fail($"Tab never reached {idOrTag} {text}");
    }
}
