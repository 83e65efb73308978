using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// What the browser tests measure on a report or a dashboard page at 1280 px, at 390 px (a phone) and printed on A4:
/// every figure's text inside its SVG and no two texts overlapping (bounding boxes in the page), tables that fit (or,
/// on a phone, scroll inside their wrapper while the page itself does not), and the sections present. Screenshots and
/// PDFs go to artifacts/reports under the test output (.ci/run gathers them into artifacts/).
/// </summary>
internal static class ReportLayout
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The printable width of an A4 page with the reports' 15 mm side margins, in CSS pixels (180 mm at 96 dpi).</summary>
    public const int A4ContentWidth = 680;

    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "reports");

    /// <summary>Text of every figure outside its SVG or overlapping another text of the same figure, one line each.</summary>
    public static async Task<IReadOnlyList<string>> FigureTextProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              document.querySelectorAll('figure svg').forEach((svg, f) => {
                const name = svg.closest('figure').dataset.figure || ('figure ' + f);
                const frame = svg.getBoundingClientRect();
                if (frame.width === 0) return;
                const boxes = [];
                svg.querySelectorAll('text').forEach(t => {
                  if (!t.textContent.trim()) return;
                  const r = t.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0) return;
                  if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)
                    problems.push(`${name}: '${t.textContent.trim()}' is clipped by the figure's edge`);
                  boxes.push({ r, s: t.textContent.trim() });
                });
                // Glyph boxes include the font's ascent and descent, so neighbouring lines may touch: overlap means more
                // than a quarter of the smaller box's height and more than 1 px across.
                for (let i = 0; i < boxes.length; i++)
                  for (let j = i + 1; j < boxes.length; j++) {
                    const a = boxes[i].r, b = boxes[j].r;
                    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                    if (w > 1 && h > 0.25 * Math.min(a.height, b.height))
                      problems.push(`${name}: '${boxes[i].s}' overlaps '${boxes[j].s}'`);
                  }
              });
              return problems;
            }
            """) ?? [];

    /// <summary>
    /// Tables wider than their place: with <paramref name="scrollAllowed"/> (a phone) a table may be wider if its wrapper
    /// scrolls it and the wrapper itself fits; otherwise every table must fit its wrapper. Also the page itself must not
    /// scroll sideways.
    /// </summary>
    public static async Task<IReadOnlyList<string>> TableProblemsAsync(IPage page, bool scrollAllowed) =>
        await page.EvaluateAsync<string[]>("""
            scrollAllowed => {
              const problems = [];
              const viewport = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth > viewport + 1)
                problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${viewport} px`);
              document.querySelectorAll('table').forEach((t, i) => {
                const name = t.dataset.table || ('table ' + i);
                const wrapper = t.parentElement;
                const scrolls = wrapper.classList.contains('table-scroll') && getComputedStyle(wrapper).overflowX === 'auto';
                if (wrapper.getBoundingClientRect().right > viewport + 1) problems.push(`${name}: its wrapper runs past the screen`);
                if (t.getBoundingClientRect().width <= wrapper.clientWidth + 1) return;
                if (!(scrollAllowed && scrolls)) problems.push(`${name}: ${Math.round(t.getBoundingClientRect().width)} px wide in ${wrapper.clientWidth} px`);
              });
              return problems;
            }
            """, scrollAllowed) ?? [];

    /// <summary>
    /// Opens <paramref name="url"/> at 1280 px, at 390 px and printed (A4 width, print CSS, then a PDF), checks figures and
    /// tables each time and that every id of <paramref name="sections"/> is an element of the page, and saves
    /// NAME-1280.png, NAME-390.png and NAME.pdf.
    /// </summary>
    public static async Task CheckAsync(IBrowserContext context, string url, string name, IReadOnlyList<string> sections)
    {
        Directory.CreateDirectory(Artifacts);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Chromium.TimeoutMs);
        page.SetDefaultNavigationTimeout(Chromium.TimeoutMs);
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await page.GotoAsync(url);
        var problems = new List<string>();
        foreach (string id in sections)
            if (await page.Locator($"[id='{id}']").CountAsync() == 0) problems.Add($"section '{id}' is missing");
        problems.AddRange((await FigureTextProblemsAsync(page)).Select(p => "1280 px: " + p));
        problems.AddRange((await TableProblemsAsync(page, scrollAllowed: false)).Select(p => "1280 px: " + p));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, $"{name}-1280.png"), FullPage = true });

        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        problems.AddRange((await FigureTextProblemsAsync(page)).Select(p => "390 px: " + p));
        problems.AddRange((await TableProblemsAsync(page, scrollAllowed: true)).Select(p => "390 px: " + p));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, $"{name}-390.png"), FullPage = true });

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.SetViewportSizeAsync(A4ContentWidth, 1000);
        problems.AddRange((await FigureTextProblemsAsync(page)).Select(p => "A4: " + p));
        problems.AddRange((await TableProblemsAsync(page, scrollAllowed: false)).Select(p => "A4: " + p));
        byte[] pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Artifacts, $"{name}.pdf"), Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"{name}.pdf has {pdf.Length} bytes");
        await page.CloseAsync();
        Assert.True(problems.Count == 0, $"{name}:\n" + string.Join("\n", problems));
    }
}
