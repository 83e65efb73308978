using System.Net;
using System.Text;

namespace Evident.Reporting.Report;

/// <summary>Renders a <see cref="ClinicianPage"/> as Markdown (<c>summary.md</c>) and as self-contained HTML (<c>summary.html</c>).</summary>
public static class ClinicianSummaryWriter
{
    private const string SyntheticNotice = "SYNTHETIC DATA: these results come from simulated participants, not from a real trial.";

    /// <summary>The heading of the protocol's published results, saying where they come from.</summary>
    public const string PublishedHeading = "Published results, for comparison";

    /// <summary>The label under it: the citation is the source of these numbers only, not of the data above.</summary>
    private static string PublishedSource(ClinicianPage page) =>
        page.Synthetic
            ? "As published in the reference below, from the real trial; the synthetic data above were simulated to resemble them and are not drawn from that trial:"
            : "As published in the reference below, not computed from these data:";

    /// <summary>The page as Markdown.</summary>
    /// <param name="page">The page.</param>
    public static string Markdown(ClinicianPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var md = new StringBuilder();
        md.Append("# ").Append(page.Title).Append("\n\n");
        if (page.Synthetic) md.Append("> **").Append(SyntheticNotice).Append("**\n\n");
        if (page.LearningObjective is not null) md.Append("## Learning objective\n\n").Append(page.LearningObjective).Append("\n\n");
        if (page.StudyDesign is not null) md.Append("## Study design\n\n").Append(page.StudyDesign).Append("\n\n");
        md.Append("## Key learnings\n\n");
        foreach (string s in page.KeyLearnings) md.Append("- ").Append(s).Append('\n');
        if (page.Changes.Count > 0)
        {
            md.Append("\n## What did and did not change\n\n");
            foreach (string s in page.Changes) md.Append("- ").Append(s).Append('\n');
        }
        if (page.Conclusion is not null) md.Append("\n## Conclusion\n\n").Append(page.Conclusion).Append('\n');
        if (page.Published is not null)
            md.Append("\n## ").Append(PublishedHeading).Append("\n\n").Append(PublishedSource(page)).Append(' ').Append(page.Published).Append('\n');
        if (page.Abbreviations.Count > 0)
        {
            md.Append("\n## Abbreviations\n\n");
            md.Append(string.Join("; ", page.Abbreviations.Select(a => $"{a.Key}, {a.Value}"))).Append(".\n");
        }
        if (page.Citation is not null) md.Append("\n## Reference\n\n").Append(page.Citation).Append('\n');
        md.Append("\n---\n\n").Append(page.Footer).Append('\n');
        return md.ToString();
    }

    /// <summary>The page as one self-contained HTML document (inline CSS, no scripts, no external resources).</summary>
    /// <param name="page">The page.</param>
    public static string Html(ClinicianPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
         .Append(E(page.Synthetic ? $"SYNTHETIC — {page.Title}" : page.Title)).Append("</title>\n<style>")
         .Append(HtmlReport.Css).Append("</style></head>\n<body class=\"summary\">\n");
        if (page.Synthetic) h.Append("<p class=\"synthetic\">").Append(E(SyntheticNotice)).Append("</p>\n");
        h.Append("<h1>").Append(E(page.Title)).Append("</h1>\n");
        if (page.LearningObjective is not null) h.Append("<h2>Learning objective</h2>\n<p>").Append(E(page.LearningObjective)).Append("</p>\n");
        if (page.StudyDesign is not null) h.Append("<h2>Study design</h2>\n<p>").Append(E(page.StudyDesign)).Append("</p>\n");
        h.Append("<h2>Key learnings</h2>\n<ul class=\"learnings\">\n");
        foreach (string s in page.KeyLearnings) h.Append("<li>").Append(E(s)).Append("</li>\n");
        h.Append("</ul>\n");
        if (page.Changes.Count > 0)
        {
            h.Append("<h2>What did and did not change</h2>\n<ul>\n");
            foreach (string s in page.Changes) h.Append("<li>").Append(E(s)).Append("</li>\n");
            h.Append("</ul>\n");
        }
        if (page.Conclusion is not null) h.Append("<h2>Conclusion</h2>\n<p>").Append(E(page.Conclusion)).Append("</p>\n");
        if (page.Published is not null)
            h.Append("<h2>").Append(E(PublishedHeading)).Append("</h2>\n<p class=\"published\">").Append(E(PublishedSource(page))).Append(' ').Append(E(page.Published)).Append("</p>\n");
        if (page.Abbreviations.Count > 0)
        {
            h.Append("<h2>Abbreviations</h2>\n<p>");
            h.Append(string.Join("; ", page.Abbreviations.Select(a => $"<abbr>{E(a.Key)}</abbr>, {E(a.Value)}"))).Append(".</p>\n");
        }
        if (page.Citation is not null) h.Append("<h2>Reference</h2>\n<p>").Append(E(page.Citation)).Append("</p>\n");
        h.Append("<footer>").Append(E(page.Footer)).Append("</footer>\n</body></html>\n");
        return h.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
