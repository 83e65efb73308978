using Evident.Storage;
using Evident.Randomization.Capture;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests.Pages;

/// <summary>
/// The confirm page and every form at 1280 px and at 390 px, measured from bounding boxes (<see cref="FormLayout"/>):
/// the summary's label column narrow (at most 40 % on a desktop, above the values on a phone), no value broken inside a
/// word ("SR-/average"), nothing wider than the screen. Screenshots go to artifacts/pages.
/// </summary>
[Collection("service")]
public sealed class LayoutBrowserTests(ServiceFixture service)
{
    public static TheoryData<int> Widths => [1280, 390];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task TheRandomizeFormTheConfirmPageAndTheResultReadWell(int width)
    {
        var page = await service.LoginAsync(service.Browser, "coord1", Viewport(width));
        string id = $"E2E-LAYOUT-{width}";
        await page.GotoAsync($"/t/{service.TrialId}/randomize");
        await FormLayout.AssertReadsWellAsync(page, "the randomize form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await FormLayout.AssertReadsWellAsync(page, "the randomize form with its errors");
        await page.GetByLabel("Participant id").FillAsync(id);
        await page.GetByRole(AriaRole.Group, new() { Name = "Risk group" }).GetByLabel("SR-average").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Aged 1 to 9.99 years at diagnosis?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "NCI standard risk with average or high minimal residual disease after induction?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Any prior anticancer therapy other than steroids?" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.Locator("#confirm-summary").WaitForAsync();
        await FormLayout.AssertReadsWellAsync(page, "the confirm page");
        // The value beside (or under) its label is on one line.
        var level = page.Locator("#confirm-summary dd", new() { HasText = "SR-average" });
        var box = (await level.BoundingBoxAsync())!;
        double line = await level.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True(box.Height < 1.5 * line, $"'SR-average' takes {box.Height} px, more than one line of {line} px");
        await ServiceFixture.ScreenshotAsync(page, $"layout-confirm-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Randomize {id}" }).ClickAsync();
        await page.WaitForURLAsync($"{service.BaseUrl}/t/{service.TrialId}/randomize/result/{id}");
        await FormLayout.AssertReadsWellAsync(page, "the result page");
        await ServiceFixture.ScreenshotAsync(page, $"layout-result-{width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task TheParticipantsFormsTheSignInAndTheAuditReadWell(int width)
    {
        string id = $"E2E-FORMS-{width}";
        await service.RandomizeAsync(id, "S1");
        await service.Store.RecordAsync(service.TrialId, id, new CaptureInput(CaptureKind.LastContact, DateOnly.FromDateTime(DateTime.UtcNow), null, null, null), "coord1");
        var anonymous = await service.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = service.BaseUrl, ViewportSize = Viewport(width) });
        anonymous.SetDefaultTimeout(Chromium.TimeoutMs);
        await anonymous.GotoAsync("/login");
        await FormLayout.AssertReadsWellAsync(anonymous, "the sign-in form");
        await anonymous.Context.CloseAsync();

        var page = await service.LoginAsync(service.Browser, "coord1", Viewport(width));
        await page.GotoAsync($"/t/{service.TrialId}/participants/{id}");
        // Every form open (a correction's form is folded in a <details>).
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        await FormLayout.AssertReadsWellAsync(page, "the participant's forms");
        await ServiceFixture.ScreenshotAsync(page, $"layout-participant-{width}");
        await page.Context.CloseAsync();

        var admin = await service.LoginAsync(service.Browser, "admin", Viewport(width));
        await admin.GotoAsync($"/t/{service.TrialId}/audit?participant={id}");
        await FormLayout.AssertReadsWellAsync(admin, "the audit trail");
        var time = admin.Locator("time.timestamp").First;
        double line = await time.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True((await time.BoundingBoxAsync())!.Height < 1.5 * line, "a timestamp wraps");
        await ServiceFixture.ScreenshotAsync(admin, $"layout-audit-{width}");
        await admin.Context.CloseAsync();
    }

    private static ViewportSize Viewport(int width) => width >= 1000 ? FormLayout.Desktop : FormLayout.Phone;
}
