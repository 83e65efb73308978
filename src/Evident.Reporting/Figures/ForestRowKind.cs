namespace Evident.Reporting.Figures;

/// <summary>How a forest-plot row is drawn.</summary>
public enum ForestRowKind
{
    /// <summary>An estimate: a square (sized by weight when given) with its confidence interval as a line.</summary>
    Estimate,

    /// <summary>An overall or pooled estimate: a diamond spanning the confidence interval, label in bold.</summary>
    Summary,

    /// <summary>A heading (for example "Stratum" or "Age"): bold label, no estimate.</summary>
    Heading,
}
