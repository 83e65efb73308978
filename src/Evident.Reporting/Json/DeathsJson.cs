using System.Globalization;
using System.Text.Json;
using Evident.Analysis.Oversight;

namespace Evident.Reporting.Json;

/// <summary>results.json's <c>deaths</c> listing (docs/report.md).</summary>
public static class DeathsJson
{
    /// <summary>Writes <c>deaths</c>: one object per death.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="deaths">The deaths, in listing order.</param>
    /// <param name="pooled">True (the open report): the arm is not written.</param>
    public static void Write(Utf8JsonWriter json, IReadOnlyList<DeathEntry> deaths, bool pooled = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(deaths);
        json.WriteStartArray("deaths");
        foreach (var d in deaths)
        {
            json.WriteStartObject();
            json.WriteString("participant", d.Participant);
            if (!pooled) json.WriteString("arm", d.Arm);
            json.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("time", d.Time);
            if (d.Cause is null) json.WriteNull("cause");
            else json.WriteString("cause", d.Cause);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
