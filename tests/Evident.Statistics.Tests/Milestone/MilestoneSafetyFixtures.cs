using System.Text.Json;
using Evident.Statistics.Tests.Survival;

namespace Evident.Statistics.Tests.Milestone;

/// <summary>
/// tests/fixtures/milestone-safety: R references made by its make_refs.R (R 4.2.2, survival 3.5-3) — the CLI cases
/// in cases/, the synthetic ADAE in data/, and kernels.json for the 2×2 and 2×2×K kernels.
/// </summary>
internal static class MilestoneSafetyFixtures
{
    private static readonly Lazy<string> RootPath = new(() => Path.Combine(Path.GetDirectoryName(ReferenceFixtures.Root)!, "milestone-safety"));

    public static string Root => RootPath.Value;

    public static JsonElement Case(string name, out double rel, out double abs)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "cases", name + ".json")));
        var root = doc.RootElement.Clone();
        rel = root.GetProperty("tolerance").GetProperty("rel").GetDouble();
        abs = root.GetProperty("tolerance").GetProperty("abs").GetDouble();
        return root.GetProperty("expected");
    }

    public static JsonElement Kernels()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "kernels.json")));
        return doc.RootElement.Clone();
    }

    public static CsvTable Data(string relative) => CsvTable.Read(Path.Combine(Root, relative));

    /// <summary>Asserts a JSON number (null = NA = NaN) to |a − e| ≤ max(abs, rel·|e|).</summary>
    public static void Close(JsonElement parent, string property, double actual, double rel, double abs, string where)
    {
        var e = parent.GetProperty(property);
        if (e.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual) || double.IsInfinity(actual), $"{where}.{property}: expected NA, got {actual:R}");
            return;
        }
        Approx.Equal(e.GetDouble(), actual, rel, abs, $"{where}.{property}");
    }
}
