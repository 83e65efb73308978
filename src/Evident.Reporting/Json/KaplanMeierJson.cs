using Evident.Statistics;

namespace Evident.Reporting.Json;

/// <summary>Writes Kaplan–Meier curves and survival at given times.</summary>
public static class KaplanMeierJson
{
    /// <summary>R's <c>conf.type</c> name of a confidence type, as the contract and the tables show it.</summary>
    /// <param name="type">The interval's scale.</param>
    public static string ConfidenceTypeName(ConfidenceType type) => type switch
    {
        ConfidenceType.Log => "log",
        ConfidenceType.LogLog => "log-log",
        ConfidenceType.Plain => "plain",
        _ => type.ToString(),
    };
}
