using System.Globalization;
using System.Text.RegularExpressions;
using Evident.Protocol;
using Evident.Randomization.Accounts;
using Evident.Randomization.Capture;
using Evident.Server.Pages;
using Evident.Storage;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests.Pages;

/// <summary>
/// Issue 14's walk-through at 1280 px and at 390 px, by label and role only: a coordinator signs in and sees the home
/// page, randomizes with a mistake and then correctly, records follow-up, an adverse event and an off-study record; a
/// monitor raises a query on the follow-up, the coordinator answers it and the monitor closes it; an admin reads the
/// audit trail filtered to the participant and exports it. After every step no text on the page shows a protocol id
/// where the protocol (or the pages) have a label, and a screenshot goes to artifacts/pages/walk-WIDTH-NN-step.png.
/// </summary>
[Collection("service")]
public sealed partial class CoordinatorWalkThroughTests(ServiceFixture service)
{
    private static readonly TrialProtocol Protocol = TrialProtocol.Load(Path.Combine(AppContext.BaseDirectory, "examples", "aall1731", "protocol.yaml"));

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<int> Widths => [1280, 390];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task ACoordinatorAMonitorAndAnAdminWalkThroughAParticipant(int width)
    {
        var viewport = width >= 1000 ? FormLayout.Desktop : FormLayout.Phone;
        string id = $"WALK-{width}", monitor = $"monitor{width}";
        await service.Store.AddUserAsync(service.TrialId, monitor, TrialRole.Monitor, null, Passwords.Hash(service.Password(monitor)), TimeSpan.FromDays(30), "cli:test");
        var steps = new Steps(width);

        var coord = await service.LoginAsync(service.Browser, "coord1", viewport);
        Assert.Contains(service.TrialId, await coord.TitleAsync());
        await steps.CheckAsync(coord, "home");
        await RandomizeAsync(coord, id, steps);
        await RecordAsync(coord, id, steps);

        var watcher = await service.LoginAsync(service.Browser, monitor, viewport);
        await watcher.GotoAsync($"/t/{service.TrialId}/participants/{id}");
        var raise = watcher.Locator("#query-form");
        await raise.GetByLabel("Entry").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await raise.GetByLabel("Question for the site").FillAsync("The clinic letter gives another date of last contact. Which is right?");
        await raise.GetByRole(AriaRole.Button, new() { Name = "Raise query" }).ClickAsync();
        var close = watcher.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Close query [0-9]+$") });
        await coord.GotoAsync($"/t/{service.TrialId}/participants/{id}");
        await coord.GetByLabel("Your answer (correct the entry above first if it was wrong)").FillAsync("Checked against the clinic letter: the date is right.");
        await steps.CheckAsync(coord, "query-to-answer");
        await coord.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Answer query [0-9]+$") }).ClickAsync();
        await coord.GetByText("Checked against the clinic letter: the date is right.").First.WaitForAsync();
        await steps.CheckAsync(coord, "query-answered");
        await watcher.ReloadAsync();
        await watcher.GetByLabel("Closing remark (optional)").FillAsync("Thank you.");
        await close.ClickAsync();
        await close.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await steps.CheckAsync(watcher, "query-closed");
        var queries = await service.Store.ReadAuditAsync(service.TrialId, new AuditFilter(Participant: id), newestFirst: false);
        Assert.Equal(["query.open", "query.answer", "query.close"], queries.Where(q => q.Action.StartsWith("query.", StringComparison.Ordinal)).Select(q => q.Action));

        await AuditAsync(service, id, viewport, steps);
        foreach (var page in new[] { coord, watcher }) await page.Context.CloseAsync();
    }

    private async Task RandomizeAsync(IPage page, string id, Steps steps)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Randomize" }).ClickAsync();
        await page.GetByLabel("Participant id").FillAsync(id);
        await page.GetByRole(AriaRole.Group, new() { Name = "Aged 1 to 9.99 years at diagnosis?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "NCI standard risk with average or high minimal residual disease after induction?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Any prior anticancer therapy other than steroids?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        string problems = await page.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("Risk group", problems);
        await steps.CheckAsync(page, "randomize-mistake");
        await page.GetByRole(AriaRole.Group, new() { Name = "Risk group" }).GetByLabel("SR-average").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Any prior anticancer therapy other than steroids?" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("#confirm-summary").WaitForAsync();
        await steps.CheckAsync(page, "randomize-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Randomize {id}" }).ClickAsync();
        await page.WaitForURLAsync($"{service.BaseUrl}/t/{service.TrialId}/randomize/result/{id}");
        Assert.NotNull(await service.Store.GetRandomizationAsync(service.TrialId, id));
        await steps.CheckAsync(page, "randomized");
    }

    private async Task RecordAsync(IPage page, string id, Steps steps)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = $"Record follow-up for {id}" }).ClickAsync();
        var followUp = page.Locator("#follow-up-form");
        await followUp.GetByLabel("Last contact").CheckAsync();
        await followUp.GetByLabel("Date").FillAsync(Today);
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Record follow-up" }).ClickAsync();
        await page.Locator("#saved").WaitForAsync();
        await steps.CheckAsync(page, "follow-up");

        var adverse = page.Locator("#adverse-event-form");
        await adverse.GetByLabel("Adverse event term").FillAsync("Sepsis");
        await adverse.GetByLabel("Grade", new() { Exact = true }).SelectOptionAsync("3");
        await adverse.GetByLabel("Onset date").FillAsync(Today);
        await adverse.GetByLabel("Yes, serious").CheckAsync();
        await adverse.GetByLabel("Requires inpatient hospitalization or prolongs an existing one").CheckAsync();
        await adverse.GetByRole(AriaRole.Group, new() { Name = "Attribution to the study treatment" }).GetByLabel("Possible").CheckAsync();
        await adverse.GetByLabel("Action taken with the study treatment").SelectOptionAsync("interrupted");
        await adverse.GetByLabel("Outcome").SelectOptionAsync("not_recovered");
        string before = page.Url;
        await adverse.GetByRole(AriaRole.Button, new() { Name = "Record adverse event" }).ClickAsync();
        await page.WaitForURLAsync(url => url != before);
        await steps.CheckAsync(page, "adverse-event");

        var offStudy = page.Locator("#off-study-form");
        await offStudy.GetByLabel("Off protocol therapy").CheckAsync();
        await offStudy.GetByLabel("Date").FillAsync(Today);
        await offStudy.GetByLabel("Reason").FillAsync("Family chose to stop protocol therapy");
        before = page.Url;
        await offStudy.GetByRole(AriaRole.Button, new() { Name = "Record off-study" }).ClickAsync();
        await page.WaitForURLAsync(url => url != before);
        await steps.CheckAsync(page, "off-study");
        var entries = await service.Store.ListCurrentAsync(service.TrialId, id);
        Assert.Equal([CaptureKind.LastContact, CaptureKind.AdverseEvent, CaptureKind.OffTherapy], entries.Select(e => e.Content.Kind));
    }

    private static async Task AuditAsync(ServiceFixture service, string id, ViewportSize viewport, Steps steps)
    {
        var admin = await service.LoginAsync(service.Browser, "admin", viewport);
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await admin.GetByLabel("Participant").FillAsync(id);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show records" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("participant=" + id, StringComparison.Ordinal));
        long expected = (await service.Store.ReadAuditAsync(service.TrialId, new AuditFilter(Participant: id), newestFirst: false)).Count;
        Assert.Contains($"Records 1–{expected} of {expected} matching", await admin.Locator("#audit-count").InnerTextAsync());
        Assert.Contains("Chain verified", await admin.Locator("#audit-verification").InnerTextAsync());
        await steps.CheckAsync(admin, "audit");
        var download = await admin.RunAndWaitForDownloadAsync(() =>
            admin.GetByRole(AriaRole.Link, new() { Name = $"Export these {expected} records as CSV" }).ClickAsync());
        Assert.Equal($"{service.TrialId}-audit-{id}.csv", download.SuggestedFilename);
        string[] lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains($",{id},Participant {id},", l));
        Assert.Equal(["Randomized", "Recorded", "Recorded", "Recorded", "Query opened", "Query answered", "Query closed"], lines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.Empty(IdsIn(string.Join("\n", lines)));
        await admin.Context.CloseAsync();
    }

    /// <summary>(id, label) pairs of the protocol and the pages whose id differs from the label.</summary>
    private static IEnumerable<(string Id, string Label)> Named() =>
        Protocol.Strata.Select(f => (f.Id, f.Label))
            .Concat(Protocol.Covariates.Select(c => (c.Id, c.Label)))
            .Concat(Protocol.Eligibility.Select(q => (q.Id, q.Text)))
            .Concat(Protocol.Arms.Select(a => (a.Id, a.Label)))
            .Concat(CaptureLabels.FollowUpKinds.Concat(CaptureLabels.OffStudyKinds).Select(k => (CaptureKinds.Name(k.Kind), k.Label)))
            .Concat([(CaptureKinds.Name(CaptureKind.AdverseEvent), "Adverse event")])
            .Concat(CaptureLabels.RelapseSites.Select(r => (r.Site, r.Label)))
            .Where(p => !string.Equals(p.Item1, p.Item2, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ids a text shows where a label exists (labels removed first, so "standard risk" in a question is not the factor <c>risk</c>).</summary>
    private static IReadOnlyList<string> IdsIn(string text)
    {
        foreach (var (_, label) in Named().OrderByDescending(p => p.Label.Length)) text = text.Replace(label, " ", StringComparison.OrdinalIgnoreCase);
        return Named().Select(p => p.Id).Distinct().Where(id => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])")).ToArray();
    }

    /// <summary>Each step: no protocol id in the page's visible text or title, and a numbered screenshot.</summary>
    private sealed class Steps(int width)
    {
        private int number;

        public async Task CheckAsync(IPage page, string name)
        {
            string text = await page.TitleAsync() + "\n" + await page.Locator("main").InnerTextAsync();
            var ids = IdsIn(text);
            Assert.True(ids.Count == 0, $"step '{name}' at {width} px shows {string.Join(", ", ids)} where a label exists:\n{text}");
            await ServiceFixture.ScreenshotAsync(page, $"walk-{width}-{++number:D2}-{name}");
        }
    }
}
