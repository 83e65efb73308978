using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Evident.Design.Tests.Monitoring;

/// <summary>A case made by tests/fixtures/design/make_design_refs.R (rpact 3.3.4, survival 3.5), read from the source tree.</summary>
internal sealed class DesignCase
{
    private readonly JsonElement _root;

    private DesignCase(JsonElement root) => _root = root;

    public static string Directory { get; } = Locate();

    private static string Locate([CallerFilePath] string source = "")
    {
        // tests/Evident.Design.Tests/Monitoring/DesignCase.cs → tests/fixtures/design
        string fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "fixtures", "design"));
        return System.IO.Directory.Exists(fromSource) ? fromSource : Path.Combine(AppContext.BaseDirectory, "fixtures", "design");
    }

    public static DesignCase Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "cases", name + ".json")));
        return new DesignCase(doc.RootElement.Clone());
    }

    public string Name => _root.GetProperty("name").GetString()!;

    public JsonElement Expected => _root.GetProperty("expected");

    public double Rel => _root.GetProperty("tolerance").GetProperty("rel").GetDouble();

    public double Abs => _root.GetProperty("tolerance").GetProperty("abs").GetDouble();

    public IReadOnlyList<string> Args => _root.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();

    public string? Arg(string flag)
    {
        var args = Args;
        int i = args.ToList().IndexOf(flag);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    public double Num(string flag) => double.Parse(Arg(flag)!, CultureInfo.InvariantCulture);

    public double[] Numbers(string flag) => Arg(flag)!.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Expected vector; JSON null → NaN.</summary>
    public double[] Vector(string key) =>
        Expected.GetProperty(key).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    public double Number(string key) => Expected.GetProperty(key).GetDouble();

    public GroupSequentialOptions DesignOptions() => new()
    {
        Looks = int.Parse(Arg("--looks")!, CultureInfo.InvariantCulture),
        Information = Numbers("--information"),
        Alpha = Num("--alpha"),
        Spending = SpendingFunction.Parse(Arg("--spending")!),
    };

    /// <summary>|actual − expected| ≤ max(abs, rel·|expected|); NaN must meet NaN.</summary>
    public void AssertClose(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NA, got {actual:R}.");
            return;
        }
        double allowed = Math.Max(Abs, Rel * Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed,
            $"{what}: expected {expected:R}, got {actual:R} (difference {actual - expected:E3}, allowed {allowed:E3}).");
    }

    public void AssertClose(double[] expected, IEnumerable<double> actual, string what)
    {
        var a = actual.ToArray();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < expected.Length; i++) AssertClose(expected[i], a[i], $"{what}[{i}]");
    }
}
