using System.Globalization;
using System.Text.Json;
using Evident.Analysis.Oversight;

namespace Evident.Reporting.Json;

/// <summary>results.json's <c>completeness</c> block and <c>overdue</c> listing (docs/report.md).</summary>
public static class CompletenessJson
{
    /// <summary>Writes <c>completeness</c> and <c>overdue</c>.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="completeness">The assessment.</param>
    /// <param name="pooled">True (the open report): one entry over all arms, and no arm in the listing.</param>
    public static void Write(Utf8JsonWriter json, FollowUpCompleteness completeness, bool pooled = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(completeness);
        json.WriteStartObject("completeness");
        json.WriteString("as_of", Date(completeness.AsOf));
        json.WriteString("method", "Clark completeness index");
        json.WriteBoolean("overdue_assessed", completeness.OverdueAfter is not null);
        json.WriteNumberOrNull("overdue_after", completeness.OverdueAfter ?? double.NaN);
        if (pooled)
        {
            json.WritePropertyName("total");
            Counts(json, new ArmCompleteness("", completeness.Arms.Sum(a => a.Observed), completeness.Arms.Sum(a => a.Potential), completeness.Arms.Sum(a => a.Overdue)), withArm: false);
        }
        else
        {
            json.WriteStartArray("arms");
            foreach (var arm in completeness.Arms) Counts(json, arm, withArm: true);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartArray("overdue");
        foreach (var o in completeness.Overdue)
        {
            json.WriteStartObject();
            json.WriteString("participant", o.Participant);
            if (o.Site is null) json.WriteNull("site");
            else json.WriteString("site", o.Site);
            if (!pooled) json.WriteString("arm", o.Arm);
            json.WriteString("last_contact", Date(o.LastContact));
            json.WriteNumber("since_last_contact", o.SinceLastContact);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Counts(Utf8JsonWriter json, ArmCompleteness arm, bool withArm)
    {
        json.WriteStartObject();
        if (withArm) json.WriteString("arm", arm.Arm);
        json.WriteNumber("observed", arm.Observed);
        json.WriteNumber("potential", arm.Potential);
        json.WriteNumberOrNull("completeness", arm.Completeness);
        json.WriteNumber("overdue", arm.Overdue);
        json.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
