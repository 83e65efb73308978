using System.Text.Json;
using Evident.Data;
using Evident.Statistics;
using Evident.Statistics.Cox;

namespace Evident.Reporting.Json;

/// <summary>
/// The JSON conventions of every output: NA (NaN) is null, numbers round-trip, groups are objects of strings; an
/// estimate or a test is written under the key names its caller's contract uses (<see cref="EstimateKeys"/>,
/// <see cref="TestKeys"/>).
/// </summary>
public static class JsonExtensions
{
    /// <summary>Writes a number, or null for NaN/±∞ (R's NA).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    /// <summary>Writes an array of numbers, NaN as null.</summary>
    public static void WriteNumbers(this Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            if (double.IsFinite(v)) json.WriteNumberValue(v);
            else json.WriteNullValue();
        }
        json.WriteEndArray();
    }

    /// <summary>Writes an array of integers.</summary>
    public static void WriteIntegers(this Utf8JsonWriter json, string name, IEnumerable<long> values)
    {
        json.WriteStartArray(name);
        foreach (long v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    /// <summary>Writes an array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }

    /// <summary>Writes a group as <c>{"column": "value", …}</c>.</summary>
    public static void WriteGroup(this Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> group)
    {
        json.WriteStartObject(name);
        foreach (var (column, value) in group) json.WriteString(column, value);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes an estimate with its standard error, interval, z and p into the current object, each under its key in
    /// <paramref name="keys"/> (a null key is left out), NaN as null.
    /// </summary>
    public static void WriteEstimate(this Utf8JsonWriter json, EstimateKeys keys, double estimate, double stdError, double confLow, double confHigh,
                                     double z = double.NaN, double pValue = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(keys);
        json.WriteNumberOrNull(keys.Estimate, estimate);
        if (keys.StdError is { } se) json.WriteNumberOrNull(se, stdError);
        json.WriteNumberOrNull(keys.ConfLow, confLow);
        json.WriteNumberOrNull(keys.ConfHigh, confHigh);
        if (keys.Z is { } zKey) json.WriteNumberOrNull(zKey, z);
        if (keys.PValue is { } p) json.WriteNumberOrNull(p, pValue);
    }

    /// <summary>
    /// Writes a chi-square test into the current object under the keys in <paramref name="keys"/>; a missing test
    /// (null) is written as nulls.
    /// </summary>
    public static void WriteTestFields(this Utf8JsonWriter json, ChiSquareTest? test, TestKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        json.WriteNumberOrNull(keys.Statistic, test?.Statistic ?? double.NaN);
        if (keys.DegreesOfFreedom is { } df)
        {
            if (test is null) json.WriteNull(df); else json.WriteNumber(df, test.DegreesOfFreedom);
        }
        json.WriteNumberOrNull(keys.PValue, test?.PValue ?? double.NaN);
    }

    /// <summary>Writes <c>{"statistic", "df", "p_value"}</c>.</summary>
    public static void WriteTest(this Utf8JsonWriter json, string name, ChiSquareTest test)
    {
        json.WriteStartObject(name);
        json.WriteTestFields(test, TestKeys.Contract);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes one regression coefficient as the contract has it: term and level (null for a numeric column), estimate,
    /// standard error, hazard ratio with its interval, z and p. <paramref name="robustStdError"/> is written only when
    /// given (Cox: null without <c>cluster()</c>).
    /// </summary>
    public static void WriteCoefficient(this Utf8JsonWriter json, DesignColumn column, double estimate, double stdError,
                                        double? robustStdError, double hazardRatio, double confLow, double confHigh, double z, double pValue)
    {
        ArgumentNullException.ThrowIfNull(column);
        json.WriteStartObject();
        json.WriteString("term", column.Term);
        if (column.Level is null) json.WriteNull("level"); else json.WriteString("level", column.Level);
        json.WriteNumberOrNull("estimate", estimate);
        json.WriteNumberOrNull("std_error", stdError);
        if (robustStdError is { } robust) json.WriteNumberOrNull("robust_std_error", robust);
        json.WriteNumberOrNull("hazard_ratio", hazardRatio);
        json.WriteNumberOrNull("conf_low", confLow);
        json.WriteNumberOrNull("conf_high", confHigh);
        json.WriteNumberOrNull("z", z);
        json.WriteNumberOrNull("p_value", pValue);
        json.WriteEndObject();
    }

    /// <summary>Writes how an iterative fit ended — <c>iterations</c>, <c>convergence</c> — and its <c>warnings</c>.</summary>
    public static void WriteFitStatus(this Utf8JsonWriter json, int iterations, ConvergenceStatus status, IReadOnlyList<string> warnings)
    {
        json.WriteNumber("iterations", iterations);
        json.WriteString("convergence", status.ToString());
        json.WriteStrings("warnings", warnings);
    }
}
