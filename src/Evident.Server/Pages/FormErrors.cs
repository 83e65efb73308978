using Microsoft.AspNetCore.Html;

namespace Evident.Server.Pages;

/// <summary>
/// Validation messages of one page's forms by field name (the names EnrolmentCheck and CaptureRules use, optionally with
/// a form prefix such as <c>ae.grade</c>), rendered next to each field and in the error summary at the top. A field's
/// control has the id <see cref="Id"/> (the first radio of a group has it), its message <c>ID-error</c>, which the
/// control names in <c>aria-describedby</c>.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> messages = [];

    /// <summary>Whether there is any message.</summary>
    public bool Any => messages.Count > 0;

    /// <summary>Every message in the order added.</summary>
    public IReadOnlyList<(string Field, string Message)> All => messages;

    /// <summary>Adds a message for a field.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="message">Plain English, naming the value and what was expected.</param>
    public void Add(string field, string message) => messages.Add((field, message));

    /// <summary>Adds problems by field (as ValidationProblem carries them), renaming each field with <paramref name="rename"/>.</summary>
    /// <param name="problems">Messages by field.</param>
    /// <param name="rename">The page's field name of a problem's field.</param>
    public void AddRange(IReadOnlyDictionary<string, string[]> problems, Func<string, string> rename)
    {
        foreach (var (field, list) in problems)
            foreach (string message in list) Add(rename(field), message);
    }

    /// <summary>Whether <paramref name="field"/> has a message.</summary>
    /// <param name="field">The field name.</param>
    public bool Has(string field) => messages.Exists(m => m.Field == field);

    /// <summary>Whether any field starting with <paramref name="prefix"/> has a message (to reopen a form).</summary>
    /// <param name="prefix">A field-name prefix such as <c>c7.</c>.</param>
    public bool HasPrefix(string prefix) => messages.Exists(m => m.Field.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The HTML id of a field's control: dots become dashes.</summary>
    /// <param name="field">The field name.</param>
    public static string Id(string field) => field.Replace('.', '-');

    /// <summary><c>true</c> for <c>aria-invalid</c> when the field has a message, else null (the attribute is left out).</summary>
    /// <param name="field">The field name.</param>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    /// <summary>The <c>aria-describedby</c> of a field: its message's id when it has one, and the hint's id when given.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="hint">The id of a hint, or null.</param>
    public string? DescribedBy(string field, string? hint = null)
    {
        string? error = Has(field) ? Id(field) + "-error" : null;
        return error is null ? hint : hint is null ? error : error + " " + hint;
    }

    /// <summary>The field's messages as a paragraph with the id <c>ID-error</c>, or nothing.</summary>
    /// <param name="field">The field name.</param>
    public IHtmlContent Message(string field)
    {
        if (!Has(field)) return HtmlString.Empty;
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<p class=\"field-error\" id=\"{Id(field)}-error\"><span class=\"visually-hidden\">Error: </span>");
        bool first = true;
        foreach (var (f, message) in messages)
        {
            if (f != field) continue;
            if (!first) html.AppendHtml("<br>");
            html.Append(message);
            first = false;
        }
        return html.AppendHtml("</p>");
    }

    /// <summary>The error summary: a focusable alert listing every message as a link to its field; nothing when there is none.</summary>
    public IHtmlContent Summary()
    {
        if (!Any) return HtmlString.Empty;
        var html = new HtmlContentBuilder();
        html.AppendHtml("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" id=\"error-summary\">")
            .AppendHtml("<h2 id=\"error-summary-title\">There is a problem</h2><ul>");
        foreach (var (field, message) in messages)
            html.AppendHtml($"<li><a href=\"#{Id(field)}\">").Append(message).AppendHtml("</a></li>");
        return html.AppendHtml("</ul></div>");
    }
}
