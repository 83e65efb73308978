using System.Text.Json;

namespace Evident.Cli.Tests;

/// <summary>
/// Every reference case under tests/fixtures/*/cases (computed with R: survival, cmprsk, rpact; each folder keeps the
/// R script that made it) whose command the CLI registers is run in-process and compared with R's values to the
/// case's tolerance. Relative paths in a case's arguments are relative to its folder.
/// </summary>
public sealed class ReferenceCaseTests
{
    private static string FixturesRoot => Path.GetDirectoryName(Fixtures.ReferenceDirectory)!;

    /// <summary>The cases of registered commands, as "folder/name".</summary>
    public static TheoryData<string> Cases()
    {
        var commands = EvidentApp.CommandNames.ToHashSet();
        var data = new TheoryData<string>();
        foreach (var (id, command) in AllCases())
            if (commands.Contains(command)) data.Add(id);
        return data;
    }

    private static IEnumerable<(string Id, string Command)> AllCases()
    {
        foreach (string folder in Directory.EnumerateDirectories(FixturesRoot).Order(StringComparer.Ordinal))
        {
            string cases = Path.Combine(folder, "cases");
            if (!Directory.Exists(cases)) continue;
            foreach (string file in Directory.EnumerateFiles(cases, "*.json").Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                yield return ($"{Path.GetFileName(folder)}/{Path.GetFileNameWithoutExtension(file)}", doc.RootElement.GetProperty("args")[0].GetString()!);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesR(string id)
    {
        string folder = Path.Combine(FixturesRoot, id.Split('/')[0]);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "cases", id.Split('/')[1] + ".json")));
        var root = doc.RootElement;
        var args = root.GetProperty("args").EnumerateArray()
            .Select(a => a.GetString()!)
            .Select(a => !a.StartsWith('-') && File.Exists(Path.Combine(folder, a)) ? Path.Combine(folder, a) : a)
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
    public void EveryHandedOutCaseOfARegisteredCommandIsRun()
    {
        var ids = ((IEnumerable<object[]>)Cases()).Select(row => (string)row[0]).ToHashSet();
        string[] core = ["km", "logrank", "cox", "zph", "rmst", "boundaries", "samplesize"];
        int coreCases = 0;
        foreach (var (id, command) in AllCases().Where(c => c.Id.StartsWith("reference/", StringComparison.Ordinal)))
        {
            if (!core.Contains(command)) continue;
            coreCases++;
            Assert.Contains(id, ids);
        }
        Assert.Equal(26, coreCases);
    }
}
