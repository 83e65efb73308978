using System.Text.Json;

namespace Evident.Cli.Tests;

/// <summary>
/// Every reference case computed with R (tests/fixtures/reference) whose command the CLI registers is run in-process
/// and compared with R's values to the case's tolerance.
/// </summary>
public sealed class ReferenceCaseTests
{
    public static TheoryData<string> Cases()
    {
        var commands = EvidentApp.CommandNames.ToHashSet();
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Fixtures.ReferenceDirectory, "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            string command = doc.RootElement.GetProperty("args")[0].GetString()!;
            if (commands.Contains(command)) data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesR(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.ReferenceDirectory, "cases", name + ".json")));
        var root = doc.RootElement;
        var args = root.GetProperty("args").EnumerateArray()
            .Select(a => a.GetString()!)
            .Select(a => a.StartsWith("data/", StringComparison.Ordinal) ? Path.Combine(Fixtures.ReferenceDirectory, a) : a)
            .ToArray();
        var (code, stdout, stderr) = Fixtures.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        using var actual = JsonDocument.Parse(stdout);
        var tolerance = root.GetProperty("tolerance");
        var errors = JsonExpectation.Compare(actual.RootElement, root.GetProperty("expected"),
            tolerance.GetProperty("rel").GetDouble(), tolerance.GetProperty("abs").GetDouble());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void EverySurvivalCoreCaseIsRun()
    {
        var names = ((IEnumerable<object[]>)Cases()).Select(row => (string)row[0]).ToHashSet();
        string[] core = ["km", "logrank", "cox", "zph", "rmst"];
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Fixtures.ReferenceDirectory, "cases"), "*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (core.Contains(doc.RootElement.GetProperty("args")[0].GetString()))
                Assert.Contains(Path.GetFileNameWithoutExtension(file), names);
        }
        Assert.True(names.Count >= 21, $"only {names.Count} reference cases found");
    }
}
