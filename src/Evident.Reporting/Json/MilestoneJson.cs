using System.Text.Json;
using Evident.Statistics.Milestone;

namespace Evident.Reporting.Json;

/// <summary>Writes milestone estimates and comparisons as the contract has them (<c>analysis: "milestone"</c>).</summary>
public static class MilestoneJson
{
    /// <summary>The contract's name of a stratum weighting: <c>inverse_variance</c> or <c>sample_size</c>.</summary>
    /// <param name="weighting">The weighting.</param>
    public static string WeightingName(MilestoneWeighting weighting) =>
        weighting == MilestoneWeighting.InverseVariance ? "inverse_variance" : "sample_size";

    /// <summary>Writes one arm's survival at the milestone as an object.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="group">The arm's label.</param>
    /// <param name="estimate">The estimate.</param>
    public static void WriteEstimate(Utf8JsonWriter json, IReadOnlyDictionary<string, string> group, MilestoneEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(estimate);
        json.WriteStartObject();
        json.WriteGroup("group", group);
        json.WriteNumber("n", estimate.N);
        json.WriteNumber("n_risk", estimate.AtRisk);
        json.WriteNumber("n_event", estimate.Events);
        json.WriteEstimate(EstimateKeys.Survival, estimate.Survival, estimate.StdError, estimate.Lower, estimate.Upper);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes a comparison of an arm with the reference into the current object: the two labels and the difference,
    /// survival ratio and cumulative hazard ratio, each with its scale, interval, z and p.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="group">The arm's label.</param>
    /// <param name="versus">The reference arm's label.</param>
    /// <param name="comparison">The comparison.</param>
    public static void WriteComparison(Utf8JsonWriter json, IReadOnlyDictionary<string, string> group, IReadOnlyDictionary<string, string> versus,
                                       MilestoneComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(comparison);
        json.WriteGroup("group", group);
        json.WriteGroup("versus", versus);
        WriteContrast(json, "difference", comparison.Difference);
        WriteContrast(json, "survival_ratio", comparison.SurvivalRatio);
        WriteContrast(json, "cumulative_hazard_ratio", comparison.CumulativeHazardRatio);
    }

    /// <summary>Writes a stratum-weighted difference as an object, with its weights.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="difference">The weighted difference.</param>
    public static void WriteWeighted(Utf8JsonWriter json, StratifiedMilestoneDifference difference)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(difference);
        json.WriteStartObject();
        json.WriteString("weighting", WeightingName(difference.Weighting));
        json.WriteEstimate(EstimateKeys.Contract, difference.Difference, difference.StdError, difference.Lower, difference.Upper, difference.Z, difference.PValue);
        json.WriteNumbers("weights", difference.Weights);
        json.WriteEndObject();
    }

    private static void WriteContrast(Utf8JsonWriter json, string name, MilestoneContrast c)
    {
        json.WriteStartObject(name);
        json.WriteString("scale", c.Scale);
        json.WriteEstimate(EstimateKeys.Contract, c.Estimate, c.StdError, c.Lower, c.Upper, c.Z, c.PValue);
        json.WriteEndObject();
    }
}
