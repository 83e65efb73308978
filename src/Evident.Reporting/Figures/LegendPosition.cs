namespace Evident.Reporting.Figures;

/// <summary>Where a figure's legend sits inside the data area, or <see cref="None"/> to omit it.</summary>
public enum LegendPosition
{
    /// <summary>No legend (for example when a risk table already names the arms in their colours).</summary>
    None,

    /// <summary>Lower left corner.</summary>
    LowerLeft,

    /// <summary>Lower right corner.</summary>
    LowerRight,

    /// <summary>Upper left corner.</summary>
    UpperLeft,

    /// <summary>Upper right corner.</summary>
    UpperRight,

    /// <summary>Outside the data area, right of the plot (for many series).</summary>
    Right,
}
