using System.Text.Json;
using Evident.Statistics.Tests.Survival;

namespace Evident.Statistics.Tests.Safety;

/// <summary>
/// tests/fixtures/trials: public trials from R's survival package (colon, pbc, cgd) and the R references made by its
/// make_trial_refs.R (R 4.2.2, survival 3.5-3), among them expected/breslow-day.json for the Breslow–Day kernel.
/// </summary>
internal static class TrialFixtures
{
    private static readonly Lazy<string> RootPath = new(() => Path.Combine(Path.GetDirectoryName(ReferenceFixtures.Root)!, "trials"));

    public static string Root => RootPath.Value;

    public static JsonElement Expected(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "expected", file)));
        return doc.RootElement.Clone();
    }

    public static CsvTable Data(string file) => CsvTable.Read(Path.Combine(Root, "data", file));

    public static int[] Ints(JsonElement parent, string property) =>
        parent.GetProperty(property).EnumerateArray().Select(x => x.GetInt32()).ToArray();

    /// <summary>A JSON array of numbers with null for R's NA, as doubles with NaN.</summary>
    public static double[] Numbers(JsonElement parent, string property) =>
        parent.GetProperty(property).EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble()).ToArray();
}
