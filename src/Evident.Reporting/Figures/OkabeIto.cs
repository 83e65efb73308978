namespace Evident.Reporting.Figures;

/// <summary>
/// The Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito 2008, "Color Universal Design"; recommended by Wong 2011,
/// Nature Methods 8:441): eight colours distinguishable under protanopia, deuteranopia and tritanopia, as hex
/// <c>#RRGGBB</c> strings. R: <c>palette.colors(palette = "Okabe-Ito")</c>.
/// </summary>
public static class OkabeIto
{
    /// <summary>Black, #000000.</summary>
    public const string Black = "#000000";

    /// <summary>Orange, #E69F00.</summary>
    public const string Orange = "#E69F00";

    /// <summary>Sky blue, #56B4E9.</summary>
    public const string SkyBlue = "#56B4E9";

    /// <summary>Bluish green, #009E73.</summary>
    public const string BluishGreen = "#009E73";

    /// <summary>Yellow, #F0E442 (too light for thin lines on white; not in <see cref="Series"/>).</summary>
    public const string Yellow = "#F0E442";

    /// <summary>Blue, #0072B2.</summary>
    public const string Blue = "#0072B2";

    /// <summary>Vermillion, #D55E00.</summary>
    public const string Vermillion = "#D55E00";

    /// <summary>Reddish purple, #CC79A7.</summary>
    public const string ReddishPurple = "#CC79A7";

    /// <summary>
    /// The order in which figures colour their series (arms, causes): blue, vermillion, bluish green, reddish purple,
    /// orange, sky blue, black. Adjacent colours differ in both hue and lightness, so the first two also survive
    /// greyscale printing.
    /// </summary>
    public static IReadOnlyList<string> Series { get; } =
        Array.AsReadOnly([Blue, Vermillion, BluishGreen, ReddishPurple, Orange, SkyBlue, Black]);
}
