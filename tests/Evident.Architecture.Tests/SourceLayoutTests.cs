using System.Text.RegularExpressions;
using Evident.Testing;

namespace Evident.Architecture.Tests;

/// <summary>
/// Rules a newcomer relies on to find their way: namespaces follow folders, and no source file is longer than 400 lines.
/// </summary>
public sealed partial class SourceLayoutTests
{
    private const int MaxFileLines = 400;

    /// <summary>Every C# file of src/, tests/ and bench/ (build output excluded), relative to the repository root.</summary>
    internal static IEnumerable<string> CSharpFiles =>
        new[] { "src", "tests", "bench" }
            .SelectMany(dir => Directory.EnumerateFiles(RepositoryFiles.PathOf(dir), "*.cs", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Namespaces_follow_folders()
    {
        var wrong = new List<string>();
        foreach (string file in CSharpFiles)
        {
            var match = FileScopedNamespace().Match(File.ReadAllText(RepositoryFiles.PathOf(file)));
            if (!match.Success) continue; // top-level statements (Program.cs)
            string[] parts = file.Split('/');
            string expected = string.Join('.', parts[1..^1]);
            if (match.Groups[1].Value != expected) wrong.Add($"{file}: namespace {match.Groups[1].Value}, expected {expected}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void No_source_file_is_longer_than_400_lines()
    {
        var tooLong = CSharpFiles
            .Select(f => (File: f, Lines: File.ReadLines(RepositoryFiles.PathOf(f)).Count()))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.Empty(tooLong);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
