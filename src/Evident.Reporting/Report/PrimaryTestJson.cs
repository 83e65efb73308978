using System.Text.Json;
using Evident.Analysis.Models;
using Evident.Analysis.Results;
using Evident.Reporting.Json;

namespace Evident.Reporting.Report;

/// <summary>
/// A comparison's <c>primary_test</c> in results.json (docs/report.md): the plan's test, its statistic and p-value, its
/// weighted statistics and, for MaxCombo, their correlation; null numbers with a <c>reason</c> when not estimable.
/// </summary>
internal static class PrimaryTestJson
{
    public static void Write(Utf8JsonWriter json, PrimaryTestResult t)
    {
        json.WriteStartObject("primary_test");
        json.WriteString("test", t.Test.ToString());
        json.WriteString("kind", PrimaryTestText.Kind(t.Test));
        json.WriteNumberOrNull("tau", t.Test.Tau);
        json.WriteNumberOrNull("statistic", t.Statistic);
        json.WriteNumberOrNull("p_value", t.PValue);
        MaxComboJson.WriteComponents(json, t.Components);
        if (t.MaxCombo is { } m) MaxComboJson.WriteCorrelation(json, m.Correlation);
        else json.WriteNull("correlation");
        if (t.Rmst is { } d)
        {
            json.WriteNumber("difference", d.Difference);
            json.WriteNumberOrNull("std_error", d.StdError);
        }
        else
        {
            json.WriteNull("difference");
            json.WriteNull("std_error");
        }
        json.WriteBoolean("estimable", t.Status == EstimateStatus.Estimated);
        if (PrimaryTestText.Reason(t.Status) is { } reason) json.WriteString("reason", reason);
        else json.WriteNull("reason");
        json.WriteEndObject();
    }
}
