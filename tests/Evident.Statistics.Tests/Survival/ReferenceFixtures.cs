using System.Globalization;
using System.Text.Json;

namespace Evident.Statistics.Tests.Survival;

/// <summary>
/// Access to tests/fixtures/reference (R-generated cases and the public data sets they were computed from), found
/// next to the test assembly or by walking up from it to the repository's tests folder.
/// </summary>
internal static class ReferenceFixtures
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    public static ReferenceCase Case(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "cases", name + ".json")));
        var root = doc.RootElement.Clone();
        var tolerance = root.GetProperty("tolerance");
        return new ReferenceCase(root.GetProperty("expected"), tolerance.GetProperty("rel").GetDouble(), tolerance.GetProperty("abs").GetDouble());
    }

    public static CsvTable Data(string file) => CsvTable.Read(Path.Combine(Root, "data", file));

    private static string Locate()
    {
        var next = Path.Combine(AppContext.BaseDirectory, "fixtures", "reference");
        if (Directory.Exists(next)) return next;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "reference");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures/reference not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One reference case: the <c>expected</c> block and its tolerance.</summary>
internal sealed record ReferenceCase(JsonElement Expected, double Rel, double Abs)
{
    /// <summary>Asserts |actual − expected| ≤ max(abs, rel·|expected|); a JSON null (R's NA) expects NaN.</summary>
    public void AssertClose(JsonElement parent, string property, double actual, string where)
    {
        var e = parent.GetProperty(property);
        if (e.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual), $"{where}.{property}: expected NA (NaN), got {actual:R}");
            return;
        }
        Approx.Equal(e.GetDouble(), actual, Rel, Abs, $"{where}.{property}");
    }

    public static int Int(JsonElement parent, string property) => (int)parent.GetProperty(property).GetDouble();

    /// <summary>The single value of a <c>group</c> object such as <c>{"sex": "1"}</c>; "" for the overall curve.</summary>
    public static string GroupValue(JsonElement item)
    {
        foreach (var p in item.GetProperty("group").EnumerateObject()) return p.Value.GetString()!;
        return "";
    }
}

internal static class Approx
{
    public static void Equal(double expected, double actual, double rel, double abs, string what)
    {
        Assert.False(double.IsNaN(actual), $"{what}: expected {expected:R}, got NaN");
        double error = Math.Abs(actual - expected);
        Assert.True(error <= Math.Max(abs, rel * Math.Abs(expected)),
                    $"{what}: expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2})");
    }
}

/// <summary>A minimal reader for the fixture CSVs (R's write.csv: header row, quoted strings, empty = NA).</summary>
internal sealed class CsvTable
{
    private readonly string[] _header;
    private readonly List<string[]> _rows;

    private CsvTable(string[] header, List<string[]> rows)
    {
        _header = header;
        _rows = rows;
    }

    public int RowCount => _rows.Count;

    public static CsvTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        var rows = new List<string[]>();
        for (int i = 1; i < lines.Length; i++)
            if (lines[i].Length > 0) rows.Add(Split(lines[i]));
        return new CsvTable(header, rows);
    }

    public string[] Column(string name)
    {
        int c = Array.IndexOf(_header, name);
        if (c < 0) throw new ArgumentException($"no column {name}");
        var values = new string[_rows.Count];
        for (int i = 0; i < values.Length; i++) values[i] = _rows[i][c];
        return values;
    }

    public double[] Numbers(string name) =>
        Array.ConvertAll(Column(name), s => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture));

    private static string[] Split(string line)
    {
        var cells = line.Split(',');
        for (int i = 0; i < cells.Length; i++) cells[i] = cells[i].Trim('"');
        return cells;
    }
}

/// <summary>Right-censored survival data read from a fixture file, with a factor coded by R's level order.</summary>
internal sealed record SurvivalSample(double[] Time, bool[] IsEvent, int[] Group, string[] Levels)
{
    /// <summary>
    /// Reads time/status (event when status == <paramref name="eventCode"/>) and codes <paramref name="groupColumn"/>
    /// (null = one group) by <paramref name="levels"/>; rows whose group or <paramref name="requireColumn"/> is
    /// missing are dropped, as R's na.omit does for the model frame.
    /// </summary>
    public static SurvivalSample Load(string file, string timeColumn, string statusColumn, double eventCode,
                                      string? groupColumn, string[] levels, string? requireColumn = null)
    {
        var table = ReferenceFixtures.Data(file);
        var time = table.Numbers(timeColumn);
        var status = table.Numbers(statusColumn);
        var group = groupColumn is null ? new string[table.RowCount] : table.Column(groupColumn);
        var required = requireColumn is null ? null : table.Column(requireColumn);
        var t = new List<double>();
        var e = new List<bool>();
        var g = new List<int>();
        for (int i = 0; i < time.Length; i++)
        {
            if (groupColumn is not null && group[i].Length == 0) continue;
            if (required is not null && required[i].Length == 0) continue;
            t.Add(time[i]);
            e.Add(status[i] == eventCode);
            g.Add(groupColumn is null ? 0 : Array.IndexOf(levels, group[i]));
        }
        Assert.DoesNotContain(-1, g);
        return new SurvivalSample(t.ToArray(), e.ToArray(), g.ToArray(), levels);
    }

    public static string[] SortedLevels(string file, string column, bool numeric)
    {
        var values = ReferenceFixtures.Data(file).Column(column).Where(v => v.Length > 0).Distinct();
        return numeric
            ? values.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : values.OrderBy(v => v, StringComparer.Ordinal).ToArray();
    }
}
