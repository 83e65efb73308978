using System.Text.Json;

namespace Evident.Cli.Tests;

/// <summary>
/// Compares actual JSON with an expected block as the reference harness does: numbers within
/// <c>|a − e| ≤ abs + rel·|e|</c>, extra keys allowed, null means NA, lists of objects matched by their
/// term/level/group/cause/time keys and other lists by position.
/// </summary>
internal static class JsonExpectation
{
    private static readonly string[] IdKeys = ["term", "level", "group", "cause", "time"];

    public static List<string> Compare(JsonElement actual, JsonElement expected, double rel, double abs)
    {
        var errors = new List<string>();
        Compare(actual, expected, rel, abs, "$", errors);
        return errors;
    }

    private static void Compare(JsonElement actual, JsonElement expected, double rel, double abs, string path, List<string> errors)
    {
        if (errors.Count > 10) return;
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                if (actual.ValueKind != JsonValueKind.Null) errors.Add($"{path}: expected null, got {actual}");
                break;
            case JsonValueKind.True or JsonValueKind.False or JsonValueKind.String:
                if (actual.ValueKind != expected.ValueKind || actual.ToString() != expected.ToString())
                    errors.Add($"{path}: expected {expected}, got {actual}");
                break;
            case JsonValueKind.Number:
                if (actual.ValueKind != JsonValueKind.Number) { errors.Add($"{path}: expected {expected}, got {actual}"); break; }
                double a = actual.GetDouble(), e = expected.GetDouble();
                if (!(Math.Abs(a - e) <= abs + rel * Math.Abs(e))) errors.Add($"{path}: expected {e:R}, got {a:R}");
                break;
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object, got {actual.ValueKind}"); break; }
                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value)) { errors.Add($"{path}.{property.Name}: missing"); continue; }
                    Compare(value, property.Value, rel, abs, $"{path}.{property.Name}", errors);
                }
                break;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array) { errors.Add($"{path}: expected a list, got {actual.ValueKind}"); break; }
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                bool keyed = expectedItems.Count > 0 && expectedItems.All(x => x.ValueKind == JsonValueKind.Object && IdKeys.Any(k => x.TryGetProperty(k, out _)));
                if (keyed)
                {
                    for (int i = 0; i < expectedItems.Count; i++)
                    {
                        var x = expectedItems[i];
                        var match = actualItems.FirstOrDefault(y => y.ValueKind == JsonValueKind.Object && IdKeys.All(k =>
                            !x.TryGetProperty(k, out var xv) || (y.TryGetProperty(k, out var yv) && Same(yv, xv))));
                        if (match.ValueKind == JsonValueKind.Undefined) { errors.Add($"{path}[{i}]: no item with the keys of {Keys(x)}"); continue; }
                        Compare(match, x, rel, abs, $"{path}[{i}]", errors);
                    }
                }
                else
                {
                    if (actualItems.Count != expectedItems.Count) { errors.Add($"{path}: expected {expectedItems.Count} items, got {actualItems.Count}"); break; }
                    for (int i = 0; i < expectedItems.Count; i++) Compare(actualItems[i], expectedItems[i], rel, abs, $"{path}[{i}]", errors);
                }
                break;
        }
    }

    private static string Keys(JsonElement x) =>
        string.Join(", ", IdKeys.Where(k => x.TryGetProperty(k, out _)).Select(k => $"{k}={x.GetProperty(k)}"));

    /// <summary>Exact identity of key values: numbers numerically, objects key by key.</summary>
    private static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number) return a.GetDouble() == b.GetDouble();
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var ap = a.EnumerateObject().ToList();
            var bp = b.EnumerateObject().ToList();
            return ap.Count == bp.Count && bp.All(p => a.TryGetProperty(p.Name, out var v) && Same(v, p.Value));
        }
        if (a.ValueKind != b.ValueKind) return false;
        return a.ValueKind is JsonValueKind.Null || a.ToString() == b.ToString();
    }
}
