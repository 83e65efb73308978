using System.Text.Json;
using Evident.Analysis.Oversight;
using Evident.Protocol;

namespace Evident.Reporting.Json;

/// <summary>
/// results.json's <c>consort</c> block (docs/report.md): the participant flow per arm, or pooled over the arms for an
/// open report (then no arm-level number is written).
/// </summary>
public static class ConsortJson
{
    /// <summary>The key of a kind of record, as in the block.</summary>
    /// <param name="kind">The kind.</param>
    public static string Key(OffStudyKind kind) => kind switch
    {
        OffStudyKind.OffTherapy => "off_therapy",
        OffStudyKind.Withdrawn => "withdrawn",
        _ => "lost_to_follow_up",
    };

    /// <summary>Writes <c>consort</c>.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="flow">The flow.</param>
    /// <param name="pooled">True: totals only (<c>arms</c> is empty), for the open report.</param>
    public static void Write(Utf8JsonWriter json, ConsortFlow flow, bool pooled = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(flow);
        json.WriteStartObject("consort");
        json.WriteStartArray("recorded");
        foreach (var kind in flow.Recorded) json.WriteStringValue(Key(kind));
        json.WriteEndArray();
        json.WritePropertyName("total");
        Counts(json, flow.Pooled(), withArm: false);
        if (!pooled)
        {
            json.WriteStartArray("arms");
            foreach (var arm in flow.Arms) Counts(json, arm, withArm: true);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter json, ConsortArm arm, bool withArm)
    {
        json.WriteStartObject();
        if (withArm)
        {
            json.WriteString("arm", arm.Arm);
            json.WriteString("label", arm.Label);
        }
        json.WriteNumber("randomized", arm.Randomized);
        foreach (var step in arm.Steps) json.WriteNumber(Key(step.Kind), step.Participants);
        json.WriteNumber("analysed", arm.Analysed);
        json.WriteStartObject("reasons");
        foreach (var step in arm.Steps)
        {
            json.WriteStartArray(Key(step.Kind));
            foreach (var reason in step.Reasons)
            {
                json.WriteStartObject();
                json.WriteString("reason", reason.Reason);
                json.WriteNumber("n", reason.Participants);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
