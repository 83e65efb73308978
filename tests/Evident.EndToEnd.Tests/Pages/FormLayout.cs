using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests.Pages;

/// <summary>
/// What the browser tests measure on a site page at 1280 px and at 390 px (a phone), from bounding boxes: nothing wider
/// than the screen (outside a table's scrolling wrapper), no word of 24 characters or fewer broken inside itself (a
/// summary's value, a time or a participant link not even after a hyphen: "SR-/average"), and the label column of a summary (<c>dl.summary</c>) no wider than 40 % at 1280 px and above its
/// values on a phone.
/// </summary>
internal static class FormLayout
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Every problem on the page as it is now, one line each; empty when it reads well.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const p = [], width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth > width + 1) p.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${width} px`);
              const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
              const scrolled = e => e.closest('.table-wrap, .table-scroll');
              const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} '${(e.textContent || e.value || '').trim().slice(0, 40)}'`;
              for (const e of document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button, main label, main legend, main dt, main dd, main h1, main p, main a, main summary')) {
                if (!visible(e) || scrolled(e)) continue;
                const r = e.getBoundingClientRect();
                if (r.left < -1 || r.right > width + 1) p.push(`${name(e)} reaches ${Math.round(r.left)}–${Math.round(r.right)} px of ${width}`);
              }
              // A value, a time or a link to a participant is never broken; other text may break after a hyphen
              // ("follow-/up" in a heading) but never inside a word.
              const strict = e => e.closest('dl.summary dd, time, table.audit a');
              const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
              for (let node; (node = walker.nextNode());) {
                if (!node.parentElement || !visible(node.parentElement)) continue;
                for (const m of node.textContent.matchAll(strict(node.parentElement) ? /\S+/g : /[^\s-]+-?/g)) {
                  if (m[0].length > 24) continue;
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size > 1) p.push(`'${m[0]}' is broken across ${lines.size} lines in ${name(node.parentElement)}`);
                }
              }
              for (const dl of document.querySelectorAll('main dl.summary')) {
                if (!visible(dl)) continue;
                const box = dl.getBoundingClientRect();
                for (const dt of dl.querySelectorAll(':scope > dt')) {
                  const t = dt.getBoundingClientRect(), dd = dt.nextElementSibling.getBoundingClientRect();
                  if (width >= 1000 && t.width > 0.4 * box.width + 1) p.push(`the label '${dt.textContent.trim()}' takes ${Math.round(100 * t.width / box.width)} % of the summary`);
                  if (width < 640 && dd.top < t.bottom - 1) p.push(`on a phone the value of '${dt.textContent.trim()}' is beside its label, not below it`);
                }
              }
              return p;
            }
            """) ?? [];

    /// <summary>Asserts that the page reads well; names the page and viewport in the failure.</summary>
    public static async Task AssertReadsWellAsync(IPage page, string where)
    {
        var problems = await ProblemsAsync(page);
        Assert.True(problems.Count == 0, $"{where} at {page.ViewportSize?.Width} px:\n" + string.Join("\n", problems));
    }
}
