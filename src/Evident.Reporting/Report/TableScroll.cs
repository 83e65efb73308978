using System.Text;
using System.Text.RegularExpressions;

namespace Evident.Reporting.Report;

/// <summary>
/// Puts every table of a report section in a wrapper that scrolls sideways when the table is wider than the screen (a
/// phone), with shadows at the edge that still has columns to show (CSS only, <see cref="HtmlReport.Css"/>
/// <c>.table-scroll</c>) and, on narrow screens, a line saying so above a table of four columns or more. On paper the
/// wrapper does not scroll: the tables are laid out to fit an A4 page.
/// </summary>
internal static partial class TableScroll
{
    /// <summary>Columns from which a table gets the "scroll sideways" line on a narrow screen.</summary>
    private const int WideColumns = 4;

    /// <summary>The fragment with each <c>&lt;table&gt;…&lt;/table&gt;</c> (tables are never nested here) wrapped.</summary>
    public static string Wrap(string html)
    {
        var result = new StringBuilder(html.Length + 256);
        int at = 0;
        foreach (Match table in Table().Matches(html))
        {
            result.Append(html, at, table.Index - at);
            string name = table.Groups["name"].Success ? table.Groups["name"].Value : "table";
            if (Column().Count(table.Value) >= WideColumns)
                result.Append("<p class=\"scroll-hint\" aria-hidden=\"true\">Scroll sideways to see every column →</p>");
            result.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(name).Append(" table\">").Append(table.Value).Append("</div>");
            at = table.Index + table.Length;
        }
        return result.Append(html, at, html.Length - at).ToString();
    }

    [GeneratedRegex("<table(?: data-table=\"(?<name>[^\"]*)\")?[^>]*>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex("<th scope=\"col\"")]
    private static partial Regex Column();
}
