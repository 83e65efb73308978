using System.Text.Json;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Json;

/// <summary>Writes a MaxCombo test (<c>analysis: "maxcombo"</c>).</summary>
public static class MaxComboJson
{
    /// <summary>
    /// Writes the contract's document: <c>tests[]</c> of {<c>rho</c>, <c>gamma</c>, <c>z</c>}, <c>correlation</c> row by
    /// row, <c>statistic</c> (the largest |z|) and <c>p_value</c>, with the integration's error estimate.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="formula">The formula as given.</param>
    /// <param name="rows">Rows analysed.</param>
    /// <param name="droppedRows">Rows dropped for missing values.</param>
    /// <param name="groups">The label of each group; z is the first group's.</param>
    /// <param name="strata">Number of strata.</param>
    /// <param name="test">The test.</param>
    public static void Write(Utf8JsonWriter json, string formula, int rows, int droppedRows,
                             IReadOnlyList<IReadOnlyDictionary<string, string>> groups, int strata, MaxComboTest test)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(test);
        json.WriteStartObject();
        json.WriteString("analysis", "maxcombo");
        json.WriteString("formula", formula);
        json.WriteNumber("n", rows);
        json.WriteNumber("n_dropped", droppedRows);
        json.WriteNumber("strata", strata);
        json.WriteGroup("z_group", groups[0]);
        WriteComponents(json, test.Components);
        WriteCorrelation(json, test.Correlation);
        json.WriteNumber("statistic", test.Statistic);
        json.WriteNumber("p_value", test.PValue);
        json.WriteNumber("p_value_error", test.Probability.ErrorEstimate);
        json.WriteEndObject();
    }

    /// <summary><c>tests[]</c>: each weighted statistic's {<c>rho</c>, <c>gamma</c>, <c>z</c>, <c>score</c>, <c>variance</c>}.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="components">The weighted statistics.</param>
    public static void WriteComponents(Utf8JsonWriter json, IReadOnlyList<MaxComboComponent> components)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(components);
        json.WriteStartArray("tests");
        foreach (var component in components)
        {
            json.WriteStartObject();
            json.WriteNumber("rho", component.Weight.Rho);
            json.WriteNumber("gamma", component.Weight.Gamma);
            json.WriteNumber("z", component.Z);
            json.WriteNumber("score", component.Score);
            json.WriteNumber("variance", component.Variance);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary><c>correlation</c>: the statistics' null correlation, row by row.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="correlation">The matrix as rows.</param>
    public static void WriteCorrelation(Utf8JsonWriter json, IReadOnlyList<IReadOnlyList<double>> correlation)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(correlation);
        json.WriteStartArray("correlation");
        foreach (var row in correlation)
        {
            json.WriteStartArray();
            foreach (double r in row) json.WriteNumberValue(r);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
