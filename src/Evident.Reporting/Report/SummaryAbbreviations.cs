using System.Text.RegularExpressions;
using Evident.Protocol;

namespace Evident.Reporting.Report;

/// <summary>
/// The clinician summary's abbreviation list: every abbreviation the page uses is defined and every one defined is used.
/// The protocol's abbreviations (<c>summary.abbreviations</c>) are kept when they occur in the page's text; the ones the
/// page's own sentences introduce ("95% CI") are added when they occur and the protocol does not define them.
/// </summary>
public static partial class SummaryAbbreviations
{
    /// <summary>Abbreviations the summary's sentences write themselves, with their meaning.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Introduced { get; } =
        [new("CI", "confidence interval")];

    /// <summary>
    /// The abbreviations used in <paramref name="text"/>, alphabetically: the protocol's that occur as a word (not inside
    /// a longer word; "SR" counts in "SR-average"), then any of <see cref="Introduced"/> that occur and the protocol lacks.
    /// </summary>
    /// <param name="protocol">The protocol's abbreviations.</param>
    /// <param name="text">Every sentence of the page except the title, the reference and the footer.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Used(IReadOnlyList<Abbreviation> protocol, string text)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(text);
        return protocol.Select(a => new KeyValuePair<string, string>(a.Short, a.Meaning))
            .Concat(Introduced.Where(i => !protocol.Any(a => a.Short == i.Key)))
            .Where(a => Occurs(text, a.Key))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Tokens in <paramref name="text"/> written like abbreviations: two or more capitals, hyphenated parts allowed, no digit.</summary>
    /// <param name="text">The text.</param>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Token().Matches(text).Select(m => m.Value).Where(t => t.Count(char.IsUpper) >= 2 && !t.Any(char.IsDigit)).Distinct().ToArray();
    }

    private static bool Occurs(string text, string abbreviation) =>
        Regex.IsMatch(text, $"(?<![A-Za-z0-9]){Regex.Escape(abbreviation)}(?![A-Za-z0-9])", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*(?![a-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
