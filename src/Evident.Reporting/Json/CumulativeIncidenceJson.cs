using System.Globalization;
using System.Text.Json;
using Evident.Statistics.CompetingRisks;

namespace Evident.Reporting.Json;

/// <summary>Writes cumulative incidence curves and Gray's tests (<c>analysis: "cumulative_incidence"</c>).</summary>
public static class CumulativeIncidenceJson
{
    /// <summary>A cause code as the contract writes it: a string, as cmprsk names the curves.</summary>
    /// <param name="cause">The status code of the cause.</param>
    public static string CauseName(int cause) => cause.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the contract's document: every curve with its steps, the incidences at <paramref name="times"/> and Gray's tests.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="formula">The formula as given.</param>
    /// <param name="rows">Rows analysed.</param>
    /// <param name="droppedRows">Rows dropped for missing values.</param>
    /// <param name="groups">The label of each group.</param>
    /// <param name="result">The curves and tests.</param>
    /// <param name="times">Times to report the incidences at.</param>
    public static void Write(Utf8JsonWriter json, string formula, int rows, int droppedRows,
                             IReadOnlyList<IReadOnlyDictionary<string, string>> groups, CumulativeIncidence result, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        json.WriteString("analysis", "cumulative_incidence");
        json.WriteString("formula", formula);
        json.WriteNumber("n", rows);
        json.WriteNumber("n_dropped", droppedRows);
        json.WriteNumber("strata", result.StratumCount);
        json.WriteNumber("rho", result.Rho);
        json.WriteStrings("causes", result.Causes.Select(CauseName));
        WriteCurves(json, groups, result);
        WriteAtTimes(json, groups, result, times);
        if (result.Tests.Count > 0)
        {
            json.WriteStartArray("gray_test");
            foreach (var test in result.Tests)
            {
                json.WriteStartObject();
                json.WriteString("cause", CauseName(test.Cause));
                WriteGrayTest(json, test, TestKeys.Contract);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes an incidence at a time into the current object under <paramref name="keys"/>; no estimate (null) is
    /// written as nulls.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="point">The curve at the time, or null.</param>
    /// <param name="keys">The key names.</param>
    public static void WriteIncidence(Utf8JsonWriter json, CumulativeIncidencePoint? point, IncidenceKeys keys)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(keys);
        json.WriteNumberOrNull(keys.Estimate, point?.Estimate ?? double.NaN);
        if (keys.Variance is { } variance) json.WriteNumberOrNull(variance, point?.Variance ?? double.NaN);
        if (keys.StdError is { } se) json.WriteNumberOrNull(se, point is null ? double.NaN : Math.Sqrt(point.Variance));
    }

    /// <summary>
    /// Writes Gray's test of one cause into the current object under <paramref name="keys"/>: the contract's
    /// <see cref="TestKeys.Contract"/>, or results.json's <c>gray_statistic</c>/<c>gray_p</c>. No test (null) is written as nulls.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="test">The test, or null.</param>
    /// <param name="keys">The key names.</param>
    public static void WriteGrayTest(Utf8JsonWriter json, GrayTest? test, TestKeys keys)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteTestFields(test?.Test, keys);
    }

    private static void WriteCurves(Utf8JsonWriter json, IReadOnlyList<IReadOnlyDictionary<string, string>> groups, CumulativeIncidence result)
    {
        json.WriteStartArray("curves");
        foreach (var curve in result.Curves)
        {
            json.WriteStartObject();
            json.WriteGroup("group", groups[curve.Group]);
            json.WriteString("cause", CauseName(curve.Cause));
            json.WriteNumber("n", curve.N);
            json.WriteNumber("events", curve.Events);
            json.WriteNumbers("times", curve.Steps.Select(s => s.Time));
            json.WriteNumbers("estimates", curve.Steps.Select(s => s.Estimate));
            json.WriteNumbers("variances", curve.Steps.Select(s => s.Variance));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteAtTimes(Utf8JsonWriter json, IReadOnlyList<IReadOnlyDictionary<string, string>> groups, CumulativeIncidence result,
                                     IReadOnlyList<double> times)
    {
        json.WriteStartArray("at_times");
        foreach (var curve in result.Curves)
        {
            foreach (var point in curve.At(times))
            {
                json.WriteStartObject();
                json.WriteGroup("group", groups[curve.Group]);
                json.WriteString("cause", CauseName(curve.Cause));
                json.WriteNumber("time", point.Time);
                WriteIncidence(json, point, IncidenceKeys.Contract);
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
    }
}
