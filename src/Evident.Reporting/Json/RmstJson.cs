using System.Text.Json;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Json;

/// <summary>Writes restricted mean survival times and their difference (<c>analysis: "rmst"</c>).</summary>
public static class RmstJson
{
    /// <summary>Writes the contract's document: the mean per group and, for two groups, the second minus the first.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="formula">The formula as given.</param>
    /// <param name="tau">The restriction time.</param>
    /// <param name="groups">The label of each group.</param>
    /// <param name="means">The mean of each group.</param>
    /// <param name="difference">The difference, or null.</param>
    public static void Write(Utf8JsonWriter json, string formula, double tau, IReadOnlyList<IReadOnlyDictionary<string, string>> groups,
                             IReadOnlyList<RestrictedMeanSurvival> means, RestrictedMeanDifference? difference)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(means);
        json.WriteStartObject();
        json.WriteString("analysis", "rmst");
        json.WriteString("formula", formula);
        json.WriteNumber("tau", tau);
        json.WriteStartArray("groups");
        for (int g = 0; g < means.Count; g++)
        {
            json.WriteStartObject();
            json.WriteGroup("group", groups[g]);
            WriteMean(json, means[g]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (difference is not null)
        {
            json.WriteStartObject("difference");
            json.WriteGroup("group", groups[1]);
            json.WriteGroup("versus", groups[0]);
            WriteDifference(json, difference, EstimateKeys.Contract);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>Writes <c>rmst</c> and <c>std_error</c> into the current object (the same keys in both contracts).</summary>
    /// <param name="json">The writer.</param>
    /// <param name="mean">The restricted mean.</param>
    public static void WriteMean(Utf8JsonWriter json, RestrictedMeanSurvival mean)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(mean);
        json.WriteNumberOrNull("rmst", mean.Rmst);
        json.WriteNumberOrNull("std_error", mean.StdError);
    }

    /// <summary>
    /// Writes a difference of restricted means into the current object under <paramref name="keys"/>: the contract's
    /// <see cref="EstimateKeys.Contract"/>, or results.json's <c>rmst_difference…</c> names.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="difference">The difference.</param>
    /// <param name="keys">The key names.</param>
    public static void WriteDifference(Utf8JsonWriter json, RestrictedMeanDifference difference, EstimateKeys keys)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(difference);
        json.WriteEstimate(keys, difference.Difference, difference.StdError, difference.Lower, difference.Upper, difference.Z, difference.PValue);
    }
}
