using System.Globalization;
using System.Text.Json;
using Evident.Analysis.Oversight;
using Evident.Protocol;

namespace Evident.Reporting.Json;

/// <summary>
/// results.json's <c>adverse_events_max_grade</c>, <c>serious_adverse_events_recorded</c>, <c>serious_adverse_events</c> and
/// <c>adverse_events_by_organ_class</c> (docs/report.md). Pooled (the open report), every count is over all arms and no
/// arm is named.
/// </summary>
public static class AdverseEventOverviewJson
{
    /// <summary>Writes the four keys; null, false, empty and empty when <paramref name="overview"/> is null (no adverse event recorded).</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="protocol">The protocol (arm ids and labels).</param>
    /// <param name="overview">The overview, or null.</param>
    /// <param name="pooled">True: counts over all arms, no arm named.</param>
    public static void Write(Utf8JsonWriter json, TrialProtocol protocol, AdverseEventOverview? overview, bool pooled = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(protocol);
        if (overview is null)
        {
            json.WriteNull("adverse_events_max_grade");
            json.WriteBoolean("serious_adverse_events_recorded", false);
            json.WriteStartArray("serious_adverse_events");
            json.WriteEndArray();
            json.WriteStartArray("adverse_events_by_organ_class");
            json.WriteEndArray();
            return;
        }
        MaximumGrade(json, protocol, overview, pooled);
        json.WriteBoolean("serious_adverse_events_recorded", overview.SeriousRecorded);
        json.WriteStartArray("serious_adverse_events");
        foreach (var e in overview.Serious)
        {
            json.WriteStartObject();
            json.WriteString("participant", e.Participant);
            if (!pooled) json.WriteString("arm", e.Arm);
            json.WriteString("term", e.Term);
            if (e.OrganClass is null) json.WriteNull("organ_class");
            else json.WriteString("organ_class", e.OrganClass);
            json.WriteNumber("grade", e.Grade);
            if (e.Onset is { } onset) json.WriteString("onset", onset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            else json.WriteNull("onset");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("adverse_events_by_organ_class");
        foreach (var row in overview.ByOrganClass)
        {
            json.WriteStartObject();
            json.WriteString("organ_class", row.OrganClass);
            if (row.Term is null) json.WriteNull("term");
            else json.WriteString("term", row.Term);
            if (!pooled) json.WriteIntegers("arms", row.Participants.Select(n => (long)n));
            json.WriteNumber("n", row.Participants.Sum());
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void MaximumGrade(Utf8JsonWriter json, TrialProtocol protocol, AdverseEventOverview overview, bool pooled)
    {
        var table = overview.MaximumGrade;
        if (pooled)
        {
            // One object over all arms, not a one-entry array: nothing in the open report is a list by arm.
            json.WritePropertyName("adverse_events_max_grade");
            Grades(json, table, Enumerable.Range(0, table.ArmCount).ToArray());
            return;
        }
        json.WriteStartArray("adverse_events_max_grade");
        for (int arm = 0; arm < table.ArmCount; arm++) Grades(json, table, [arm], protocol.Arms[arm]);
        json.WriteEndArray();
    }

    /// <summary>Participants of <paramref name="arms"/> by highest grade; with <paramref name="arm"/>, its id and label first.</summary>
    private static void Grades(Utf8JsonWriter json, Statistics.Safety.MaximumGradeTable table, int[] arms, TrialArm? arm = null)
    {
        json.WriteStartObject();
        if (arm is not null)
        {
            json.WriteString("arm", arm.Id);
            json.WriteString("label", arm.Label);
        }
        int n = arms.Sum(table.Participants);
        json.WriteNumber("n", n);
        json.WriteStartArray("by_grade");
        for (int grade = 0; grade <= Statistics.Safety.MaximumGradeTable.HighestGrade; grade++)
        {
            int count = arms.Sum(a => table.Count(a, grade));
            json.WriteStartObject();
            json.WriteNumber("grade", grade);
            json.WriteNumber("n", count);
            json.WriteNumberOrNull("percent", n == 0 ? double.NaN : 100.0 * count / n);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
