using System.Globalization;
using Evident.Storage;

namespace Evident.Server.Features;

/// <summary>
/// The audit filters of a query string (<c>participant</c>, <c>actor</c>, <c>action</c>, <c>from</c>, <c>to</c>), read
/// the same way for the API, the export and the audit page; empty values are no filter. Problems are messages by key.
/// </summary>
internal static class AuditRequest
{
    /// <summary>The filter, and a message per key whose value cannot be read.</summary>
    /// <param name="query">The query string's value of a key (null when absent).</param>
    public static (AuditFilter Filter, Dictionary<string, string[]> Problems) Read(Func<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new Dictionary<string, string[]>();
        string? Text(string key) => query(key)?.Trim() is { Length: > 0 } v ? v : null;
        DateOnly? Day(string key, string words)
        {
            if (Text(key) is not { } text) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            problems[key] = [$"The {words} must be a date written as 2026-01-15; '{text}' is not."];
            return null;
        }
        var filter = new AuditFilter(Text("participant"), Text("actor"), Text("action"), Day("from", "first day"), Day("to", "last day"));
        if (filter is { From: { } from, To: { } to } && from > to)
            problems["to"] = [$"The last day ({to:yyyy-MM-dd}) is before the first day ({from:yyyy-MM-dd})."];
        return (filter, problems);
    }

    /// <summary>A lookup of the values of a request's query string (null for an absent key).</summary>
    /// <param name="query">The query string.</param>
    public static Func<string, string?> Of(IQueryCollection query) => key => query.TryGetValue(key, out var v) ? v.ToString() : null;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when absent; a problem under <paramref name="key"/> when it is not one.</summary>
    /// <param name="query">The query string's value of a key (null when absent).</param>
    /// <param name="key">The key.</param>
    /// <param name="min">The smallest value allowed.</param>
    /// <param name="max">The largest value allowed.</param>
    /// <param name="problems">Where a problem goes.</param>
    public static long? Number(Func<string, string?> query, string key, long min, long max, Dictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(problems);
        string text = query(key)?.Trim() ?? "";
        if (text.Length == 0) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n >= min && n <= max) return n;
        problems[key] = [$"{key} must be a whole number from {min} to {max}; '{text}' is not."];
        return null;
    }
}
