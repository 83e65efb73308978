using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evident.Cli.Tests;

/// <summary>
/// Compares an expected JSON object from R with Evident's, key by key: numbers to a relative tolerance (absolute below 1),
/// strings, booleans and nulls exactly. Arrays of objects are matched by their identifying key (<c>arm</c>, <c>stratum</c>,
/// <c>level</c>, <c>time</c>, <c>cause</c>; subgroups by <c>arm</c> and <c>by</c>), so order does not matter.
/// </summary>
/// <param name="tolerance">Relative tolerance.</param>
/// <param name="failures">Where each difference is written, with its path.</param>
/// <param name="skipped">Keys not compared at all.</param>
/// <param name="lenientMilestones">When true, an expected milestone time Evident was not asked for is not looked for.</param>
internal sealed class JsonComparison(double tolerance, List<string> failures, IReadOnlySet<string> skipped, bool lenientMilestones)
{
    /// <summary>
    /// Keys of the expected files that hold R's intermediate values for the implementation to be checked against
    /// (tests/fixtures/trials/README.md marks them <i>extra</i>): compared when Evident writes them, not required.
    /// </summary>
    private static readonly HashSet<string> Extras =
    [
        "stratify_by", "rmst_tau", "n_risk", "hazard_ratios", "tau_limit", "refused", "reason", "arm_rmst", "control_rmst", "warnings",
        "levels", "arms", "estimable", "last_follow_up", "model", "logrank_df", "std_error",
    ];

    public void Object(JsonObject expected, JsonObject actual, string path)
    {
        foreach (var (key, value) in expected)
        {
            if (skipped.Contains(key) || (lenientMilestones && key == "milestones" && value is JsonArray { Count: > 0 } a && a[0] is JsonValue)) continue;
            if (!actual.TryGetPropertyValue(key, out var got))
            {
                if (!Extras.Contains(key)) failures.Add($"{path}.{key}: missing");
                continue;
            }
            Node(value, got, $"{path}.{key}");
        }
    }

    private void Node(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                if (actual is not null) failures.Add($"{path}: expected null, got {actual.ToJsonString()}");
                break;
            case JsonObject o when actual is JsonObject g:
                Object(o, g, path);
                break;
            case JsonArray a when actual is JsonArray g:
                Array(a, g, path);
                break;
            case JsonValue v when actual is JsonValue g:
                Value(v, g, path);
                break;
            default:
                failures.Add($"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                break;
        }
    }

    private void Array(JsonArray expected, JsonArray actual, string path)
    {
        if (expected.Count > 0 && expected[0] is JsonObject)
        {
            foreach (var e in expected.OfType<JsonObject>())
            {
                string id = Identity(e);
                var match = actual.OfType<JsonObject>().FirstOrDefault(g => Identity(g) == id);
                if (match is null)
                {
                    bool milestone = e.ContainsKey("time") && !e.ContainsKey("arm");
                    if (!(lenientMilestones && milestone)) failures.Add($"{path}[{id}]: missing");
                    continue;
                }
                Object(e, match, $"{path}[{id}]");
            }
            return;
        }
        if (expected.Count != actual.Count)
        {
            failures.Add($"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
            return;
        }
        for (int i = 0; i < expected.Count; i++) Node(expected[i], actual[i], $"{path}[{i}]");
    }

    private void Value(JsonValue expected, JsonValue actual, string path)
    {
        if (expected.GetValueKind() == JsonValueKind.Number && actual.GetValueKind() == JsonValueKind.Number)
        {
            double e = expected.GetValue<double>(), g = actual.GetValue<double>();
            if (!(Math.Abs(e - g) <= tolerance * Math.Max(1, Math.Abs(e)))) failures.Add($"{path}: expected {e:R}, got {g:R}");
            return;
        }
        if (expected.ToJsonString() != actual.ToJsonString())
            failures.Add($"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
    }

    private static string Identity(JsonObject o)
    {
        static string? Text(JsonObject o, string key) => o[key] is JsonValue v
            ? (v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture) : v.ToString())
            : null;
        if (Text(o, "by") is { } by) return $"{Text(o, "arm")} by {by}";
        return Text(o, "arm") ?? Text(o, "stratum") ?? Text(o, "level") ?? Text(o, "cause") ?? Text(o, "time") ?? Text(o, "endpoint") ?? "?";
    }
}
