using System.Globalization;
using System.Text;
using Evident.Randomization.Normalization;

namespace Evident.Randomization;

/// <summary>
/// The one rule for participant ids, used by the API, the pages and <c>evident export</c>. An id is taken in Unicode
/// normalization form C (so a decomposed and a precomposed accent are the same id) and must then be 1 to
/// <see cref="MaxLength"/> characters, each a letter, a decimal digit or one of <c>- _ . :</c>, and not <c>.</c> or
/// <c>..</c>. That refuses every character that would change or hide the id's address (<c>/</c>, <c>?</c>, <c>#</c>,
/// <c>%</c>, spaces) and every invisible one (zero-width, bidi and other format characters, controls), so two ids that
/// look alike are the same id or one of them is refused, and every accepted id is addressable at
/// <c>…/randomizations/{id}</c> with its characters percent-escaped.
/// </summary>
/// <remarks>Ids stored before the rule existed are not checked again: they stay readable wherever they are addressable.</remarks>
public static class ParticipantIds
{
    /// <summary>The longest participant id accepted, in characters (Unicode scalar values) after normalization.</summary>
    public const int MaxLength = 64;

    /// <summary>The punctuation an id may contain besides letters and digits.</summary>
    public const string Punctuation = "-_.:";

    /// <summary>The rule in one sentence, as error messages and the documentation state it.</summary>
    public static readonly string Rule =
        $"A participant id is 1 to {MaxLength} letters, digits, '-', '_', '.' or ':' (not '.' or '..').";

    /// <summary>
    /// <paramref name="id"/> in Unicode normalization form C (Unicode 14 data; see <see cref="NormalizationFormC"/>); text
    /// that cannot be normalized (an unpaired surrogate) is returned as given, for <see cref="Problem"/> to refuse.
    /// </summary>
    /// <param name="id">An id as a client sent it, or null.</param>
    public static string? Normalize(string? id) =>
        id is null ? null : NormalizationFormC.Normalize(id);

    /// <summary>Whether <paramref name="id"/>, after normalization, follows the rule.</summary>
    /// <param name="id">An id, or null.</param>
    public static bool IsValid(string? id) => Problem(id) is null;

    /// <summary>Why <paramref name="id"/> (after normalization) breaks the rule, in plain English; null when it follows it.</summary>
    /// <param name="id">An id, or null.</param>
    public static string? Problem(string? id)
    {
        string text = Normalize(id) ?? "";
        if (text.Length == 0) return $"The participant id is required. {Rule}";
        if (text is "." or "..") return $"The participant id cannot be '{text}'. {Rule}";
        int count = 0;
        for (int i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            count++;
            if (!Rune.TryGetRuneAt(text, i, out var rune))
                return $"The participant id contains an unpaired surrogate (U+{(int)text[i]:X4}). {Rule}";
            if (!IsAllowed(rune)) return $"The participant id contains {Describe(rune)}, which is not allowed. {Rule}";
        }
        return count > MaxLength ? $"The participant id has {count} characters. {Rule}" : null;
    }

    private static bool IsAllowed(Rune rune) =>
        Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber
        || (rune.IsAscii && Punctuation.Contains((char)rune.Value, StringComparison.Ordinal));

    /// <summary>A character as a message shows it: visible ones quoted with their code point, invisible ones by code point and kind.</summary>
    private static string Describe(Rune rune)
    {
        string code = $"U+{rune.Value:X4}";
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => $"the control character {code}",
            UnicodeCategory.Format => $"the invisible formatting character {code} (zero-width or bidi)",
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => $"a space ({code})",
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => $"the combining mark {code}",
            _ => $"'{rune}' ({code})",
        };
    }
}
