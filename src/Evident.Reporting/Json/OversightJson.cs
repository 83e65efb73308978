using System.Text.Json;
using Evident.Analysis.Oversight;

namespace Evident.Reporting.Json;

/// <summary>
/// results.json's <c>follow_up</c> and <c>baseline</c> blocks (docs/report.md): the median follow-up per arm by reverse
/// Kaplan–Meier, and the baseline characteristics by arm. NaN (a median not reached) is written as null.
/// </summary>
public static class OversightJson
{
    /// <summary>Writes <c>follow_up</c>: the endpoint, the level and one entry per arm.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="endpoint">The endpoint whose follow-up is summarised (the primary endpoint's id).</param>
    /// <param name="confidenceLevel">The level of the limits.</param>
    /// <param name="arms">One entry per arm.</param>
    public static void WriteFollowUp(Utf8JsonWriter json, string endpoint, double confidenceLevel, IReadOnlyList<ArmFollowUp> arms)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(arms);
        json.WriteStartObject("follow_up");
        json.WriteString("endpoint", endpoint);
        json.WriteString("method", "reverse Kaplan-Meier");
        json.WriteNumber("confidence_level", confidenceLevel);
        json.WriteStartArray("arms");
        foreach (var arm in arms)
        {
            json.WriteStartObject();
            json.WriteString("arm", arm.Arm);
            json.WriteNumber("n", arm.Estimate.N);
            json.WriteNumber("censored", arm.Estimate.Censored);
            json.WriteNumberOrNull("median_follow_up", arm.Estimate.Median);
            json.WriteNumberOrNull("conf_low", arm.Estimate.ConfLow);
            json.WriteNumberOrNull("conf_high", arm.Estimate.ConfHigh);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes <c>baseline</c>: every stratification factor and covariate with its levels, by arm and overall.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="table">The baseline table.</param>
    /// <param name="pooled">For the open report: each level's count over all participants only (<c>n</c>, <c>percent</c>), no arm.</param>
    public static void WriteBaseline(Utf8JsonWriter json, BaselineTable table, bool pooled = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(table);
        json.WriteStartObject("baseline");
        json.WriteNumber("participants", table.Participants);
        json.WriteStartArray("factors");
        foreach (var factor in table.Factors)
        {
            json.WriteStartObject();
            json.WriteString("id", factor.Id);
            json.WriteString("label", factor.Label);
            json.WriteStartArray("levels");
            foreach (var level in factor.Levels)
            {
                json.WriteStartObject();
                json.WriteString("level", level.Level);
                if (pooled)
                {
                    json.WriteNumber("n", level.Overall.N);
                    json.WriteNumberOrNull("percent", level.Overall.Percent);
                }
                else
                {
                    json.WriteStartArray("arms");
                    foreach (var count in level.Arms) WriteCount(json, count);
                    json.WriteEndArray();
                    json.WritePropertyName("overall");
                    WriteCount(json, level.Overall);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter json, BaselineCount count)
    {
        json.WriteStartObject();
        if (count.Arm is not null) json.WriteString("arm", count.Arm);
        json.WriteNumber("n", count.N);
        json.WriteNumberOrNull("percent", count.Percent);
        json.WriteEndObject();
    }
}
