namespace Evident.Statistics;

/// <summary>The scale on which a pointwise confidence interval for a survival probability is built (R: <c>conf.type</c>).</summary>
public enum ConfidenceType
{
    /// <summary>Symmetric on log S(t); R's default <c>"log"</c>. Upper limit truncated at 1.</summary>
    Log,
    /// <summary>Symmetric on log(−log S(t)); R's <c>"log-log"</c> (Kalbfleisch–Prentice).</summary>
    LogLog,
    /// <summary>Symmetric on S(t) itself; R's <c>"plain"</c>, truncated to [0, 1].</summary>
    Plain,
}
