using System.Text.Json;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Json;

/// <summary>Writes a log-rank, G-rho or FH(ρ, γ) test (<c>analysis: "logrank"</c>).</summary>
public static class LogRankJson
{
    /// <summary>Writes the contract's document: the test, and observed and expected events per group.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="formula">The formula as given.</param>
    /// <param name="rows">Rows analysed.</param>
    /// <param name="droppedRows">Rows dropped for missing values.</param>
    /// <param name="groups">The label of each group.</param>
    /// <param name="strata">Number of strata.</param>
    /// <param name="test">The test.</param>
    public static void Write(Utf8JsonWriter json, string formula, int rows, int droppedRows,
                             IReadOnlyList<IReadOnlyDictionary<string, string>> groups, int strata, LogRankTest test)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(test);
        json.WriteStartObject();
        json.WriteString("analysis", "logrank");
        json.WriteString("formula", formula);
        json.WriteNumber("rho", test.Rho);
        json.WriteNumber("gamma", test.Gamma);
        json.WriteNumber("n", rows);
        json.WriteNumber("n_dropped", droppedRows);
        json.WriteNumber("strata", strata);
        WriteTest(json, test, TestKeys.Contract);
        json.WriteStartArray("groups");
        for (int g = 0; g < test.Groups.Count; g++)
        {
            var group = test.Groups[g];
            json.WriteStartObject();
            json.WriteGroup("group", groups[g]);
            json.WriteNumber("n", group.N);
            json.WriteNumber("observed", group.Observed);
            json.WriteNumber("expected", group.Expected);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes the test into the current object under <paramref name="keys"/>: the contract's <see cref="TestKeys.Contract"/>,
    /// or results.json's <c>logrank_chisq</c>/<c>logrank_p</c>. No test (null) is written as nulls.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="test">The test, or null where none could be computed.</param>
    /// <param name="keys">The key names.</param>
    public static void WriteTest(Utf8JsonWriter json, LogRankTest? test, TestKeys keys)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteTestFields(test?.Test, keys);
    }
}
