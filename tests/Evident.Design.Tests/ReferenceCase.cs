using System.Text.Json;

namespace Evident.Design.Tests;

/// <summary>A reference case made by tests/fixtures/reference/r/make_refs.R (rpact 3.3.4), read from the test output folder.</summary>
internal sealed class ReferenceCase
{
    private readonly JsonElement _root;

    private ReferenceCase(JsonElement root) => _root = root;

    public static ReferenceCase Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "cases", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new ReferenceCase(doc.RootElement.Clone());
    }

    public JsonElement Expected => _root.GetProperty("expected");

    public double Rel => _root.GetProperty("tolerance").GetProperty("rel").GetDouble();

    public double Abs => _root.GetProperty("tolerance").GetProperty("abs").GetDouble();

    /// <summary>The value after a command-line flag in <c>args</c>, or null.</summary>
    public string? Arg(string flag)
    {
        var args = _root.GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
        int i = args.IndexOf(flag);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    /// <summary>Whether a flag without a value (e.g. <c>--two-sided</c>) is among <c>args</c>.</summary>
    public bool HasFlag(string flag) => _root.GetProperty("args").EnumerateArray().Any(a => a.GetString() == flag);

    public double Number(string key) => Expected.GetProperty(key).GetDouble();

    public double[] Vector(string key) => Expected.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>A number list beside <c>expected</c> (e.g. <c>exact_analysis_times</c>).</summary>
    public double[] Extra(string key) => _root.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public bool Has(string key) => Expected.TryGetProperty(key, out _);

    /// <summary>Asserts |actual − expected| ≤ max(abs, rel·|expected|), the fixtures' tolerance rule.</summary>
    public void AssertClose(double expected, double actual, string what)
    {
        double allowed = Math.Max(Abs, Rel * Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed,
            $"{what}: expected {expected:R}, got {actual:R} (difference {actual - expected:E3}, allowed {allowed:E3}).");
    }

    public void AssertClose(double[] expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++) AssertClose(expected[i], actual[i], $"{what}[{i}]");
    }
}
