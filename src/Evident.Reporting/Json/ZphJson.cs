using System.Text.Json;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Json;

/// <summary>Writes a test of proportional hazards (<c>analysis: "proportional_hazards_test"</c>).</summary>
public static class ZphJson
{
    /// <summary>Writes the contract's document: one test per term and the global test.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="formula">The formula as given.</param>
    /// <param name="transform">The time transform's name as given.</param>
    /// <param name="terms">The name of each term.</param>
    /// <param name="result">The tests.</param>
    public static void Write(Utf8JsonWriter json, string formula, string transform, IReadOnlyList<string> terms, ZphResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        json.WriteString("analysis", "proportional_hazards_test");
        json.WriteString("formula", formula);
        json.WriteString("transform", transform);
        json.WriteStartArray("terms");
        for (int k = 0; k < result.Terms.Count; k++)
        {
            json.WriteStartObject();
            json.WriteString("term", terms[k]);
            json.WriteTestFields(result.Terms[k], TestKeys.Contract);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteTest("global", result.Global);
        json.WriteEndObject();
    }
}
