namespace Evident.Reporting.Figures;

/// <summary>Argument checks shared by the figures; messages name the option and the value, as survival's stop() does.</summary>
internal static class Checks
{
    public static void Style(FigureStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        Range(style.Width, 200, 4000, "Width");
        if (style.Height is int h) Range(h, 150, 4000, "Height");
        Range(style.FontSize, 6, 40, "FontSize");
        Range(style.TitleFontSize, 6, 60, "TitleFontSize");
        Range(style.PngScale, 1, 4, "PngScale");
        if (style.FontFamilies is null || style.FontFamilies.Count == 0)
            throw new ArgumentException("FigureStyle.FontFamilies must name at least one font family.", nameof(style));
        if (style.Colors is null || style.Colors.Count == 0)
            throw new ArgumentException("FigureStyle.Colors must list at least one colour.", nameof(style));
        foreach (var c in style.Colors)
        {
            if (c is null || c.Length != 7 || c[0] != '#' || c.AsSpan(1).ContainsAnyExcept("0123456789abcdefABCDEF"))
                throw new ArgumentException($"FigureStyle.Colors: '{c}' is not a #RRGGBB colour.", nameof(style));
        }
    }

    public static void Range(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}]; got {value}.");
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite; got {value}.");
    }

    public static void Name(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"{what} must have a non-empty name.", what);
    }

    /// <summary>Breaks must be finite, ≥ 0 and strictly increasing.</summary>
    public static double[] Breaks(IReadOnlyList<double> breaks, string name)
    {
        if (breaks.Count == 0) throw new ArgumentException($"{name} must contain at least one time.", name);
        var result = new double[breaks.Count];
        for (int i = 0; i < result.Length; i++)
        {
            double b = breaks[i];
            if (!double.IsFinite(b) || b < 0) throw new ArgumentOutOfRangeException(name, b, $"{name}[{i}] must be finite and ≥ 0; got {b}.");
            if (i > 0 && !(b > result[i - 1])) throw new ArgumentException($"{name} must be strictly increasing; {name}[{i}] = {b} follows {result[i - 1]}.", name);
            result[i] = b;
        }
        return result;
    }
}
