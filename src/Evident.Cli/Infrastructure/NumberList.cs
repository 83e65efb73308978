using System.Globalization;

namespace Evident.Cli.Infrastructure;

/// <summary>Parses comma-separated number lists such as <c>--times 180,365,730</c>.</summary>
public static class NumberList
{
    /// <summary>Parses <paramref name="text"/>; empty or null gives an empty list. Every value must be a finite number.</summary>
    public static double[] Parse(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new UsageException($"{option} '{text}': value '{parts[i]}' is not a number; expected a comma-separated list such as 180,365,730.");
        }
        return values;
    }
}
