using System.Globalization;
using System.Text.Json;
using Evident.Analysis.Enrolment;

namespace Evident.Reporting.Json;

/// <summary>
/// results.json's <c>accrual</c> block (docs/report.md): the planned number of participants and accrual duration, and per
/// calendar month the cumulative number randomized and, when the design gives a plan, the planned cumulative number.
/// </summary>
public static class AccrualJson
{
    /// <summary>Writes <c>accrual</c> into the current object.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="enrolment">Randomizations by month.</param>
    /// <param name="target">The plan, or null.</param>
    public static void Write(Utf8JsonWriter json, EnrolmentSummary enrolment, AccrualTarget? target)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(enrolment);
        json.WriteStartObject("accrual");
        json.WriteNumber("randomized", enrolment.Randomized);
        if (target is null)
        {
            json.WriteNull("target");
            json.WriteNull("accrual_duration");
        }
        else
        {
            json.WriteNumber("target", target.Participants);
            json.WriteNumber("accrual_duration", target.AccrualDuration);
        }
        json.WriteStartArray("by_month");
        for (int i = 0; i < enrolment.Months.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("month", enrolment.Months[i].ToString("yyyy-MM", CultureInfo.InvariantCulture));
            json.WriteNumber("randomized", enrolment.Total[i]);
            json.WriteNumberOrNull("planned", target?.ByMonth[i] ?? double.NaN);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
