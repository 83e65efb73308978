using System.Globalization;
using Evident.Randomization.Capture;
using Evident.Storage;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests.Pages;

/// <summary>
/// A serious adverse event recorded through the form in headless chromium at 1280 px and 390 px: a mistake first (serious
/// without a criterion), shown with labels and never with field ids, then the event; the admin finds it on the
/// worklist and marks it reviewed. Screenshots go to artifacts/pages.
/// </summary>
[Collection("service")]
public sealed class AdverseEventBrowserTests(ServiceFixture service)
{
    /// <summary>The field keys of the form, which no message may show.</summary>
    private static readonly string[] FieldIds = ["seriousCriteria", "actionTaken", "otherTerm", "attribution", "outcome", "ae.", "ae-"];

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task A_coordinator_records_a_serious_adverse_event_and_the_admin_marks_it_reviewed(int width, int height)
    {
        string participant = $"E2E-SAE-{width}";
        await service.RandomizeAsync(participant, "S1");
        string today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var viewport = new ViewportSize { Width = width, Height = height };
        var page = await service.LoginAsync(service.Browser, "coord1", viewport);
        await page.GotoAsync($"/t/{service.TrialId}/participants/{participant}");

        var form = page.Locator("#adverse-event-form");
        await form.GetByLabel("Adverse event term").FillAsync("Sepsis");
        await form.GetByLabel("Grade", new() { Exact = true }).SelectOptionAsync("4");
        await form.GetByLabel("Onset date").FillAsync(today);
        await form.GetByLabel("Yes, serious").CheckAsync();
        await form.GetByRole(AriaRole.Group, new() { Name = "Attribution to the study treatment" }).GetByLabel("Probable").CheckAsync();
        await form.GetByLabel("Action taken with the study treatment").SelectOptionAsync("interrupted");
        await form.GetByLabel("Outcome").SelectOptionAsync("not_recovered");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record adverse event" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await summary.WaitForAsync();
        string problems = await summary.InnerTextAsync();
        Assert.Contains("A serious adverse event meets at least one criterion", problems);
        foreach (string id in FieldIds) Assert.DoesNotContain(id, problems);
        Assert.Equal("Sepsis", await form.GetByLabel("Adverse event term").InputValueAsync());
        Assert.Equal("4", await form.GetByLabel("Grade", new() { Exact = true }).InputValueAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await ServiceFixture.ScreenshotAsync(page, $"adverse-event-error-{width}");

        await form.GetByLabel("Requires inpatient hospitalization or prolongs an existing one").CheckAsync();
        await form.GetByLabel("Is life-threatening").CheckAsync();
        string before = page.Url;
        await form.GetByRole(AriaRole.Button, new() { Name = "Record adverse event" }).ClickAsync();
        await page.WaitForURLAsync(url => url != before && url.Contains("saved=", StringComparison.Ordinal));
        string timeline = await page.Locator("ol.timeline").InnerTextAsync();
        Assert.Contains("Adverse event: Sepsis, grade 4 (ongoing) – serious: is life-threatening, requires inpatient hospitalization or prolongs an existing one", timeline);
        Assert.Contains("serious adverse event awaiting expedited review", timeline);
        var stored = (await service.Store.ListCurrentAsync(service.TrialId, participant)).Single();
        Assert.Equal(new AdverseEventAssessment(true, SeriousCriteria.LifeThreatening | SeriousCriteria.Hospitalization, Attribution.Probable, ActionTaken.Interrupted,
            AdverseEventOutcome.NotRecovered), stored.Content.Assessment);
        await ServiceFixture.ScreenshotAsync(page, $"adverse-event-serious-{width}");
        await page.Context.CloseAsync();

        var admin = await service.LoginAsync(service.Browser, "admin", viewport);
        var section = admin.GetByRole(AriaRole.Region, new() { Name = "Serious adverse events to review" }).First;
        var row = admin.Locator("#serious-events-table tr", new() { HasText = participant });
        Assert.Contains("Sepsis, grade 4", await row.InnerTextAsync());
        await ServiceFixture.ScreenshotAsync(admin, $"serious-events-worklist-{width}");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Mark the serious adverse event of participant {participant} (entry {stored.EntryId}) reviewed" }).ClickAsync();
        await admin.WaitForURLAsync($"{service.BaseUrl}/t/{service.TrialId}#serious-events");
        Assert.Equal(0, await admin.Locator("#serious-events-table tr", new() { HasText = participant }).CountAsync());
        Assert.True(await section.IsVisibleAsync());
        var review = (await service.Store.ListSeriousEventReviewsAsync(service.TrialId, participant)).Single();
        Assert.Equal(("admin", stored.EntryId, stored.Version), (review.ReviewedBy, review.EntryId, review.Version));
        await admin.Context.CloseAsync();
    }
}
