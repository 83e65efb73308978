using System.Xml.Linq;
using Evident.Testing;

namespace Evident.Architecture.Tests;

/// <summary>The projects under src/ as their .csproj files declare them: project and package references.</summary>
internal static class Projects
{
    /// <summary>Every project under src/, by name (Evident.X).</summary>
    public static IReadOnlyDictionary<string, Project> Source { get; } = Load();

    private static Dictionary<string, Project> Load()
    {
        var projects = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(RepositoryFiles.PathOf("src"), "*.csproj", SearchOption.AllDirectories))
        {
            var xml = XDocument.Load(file);
            string name = Path.GetFileNameWithoutExtension(file);
            var references = xml.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!)).ToHashSet(StringComparer.Ordinal);
            var packages = xml.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!).ToHashSet(StringComparer.Ordinal);
            projects.Add(name, new Project(name, Path.GetDirectoryName(file)!, references, packages));
        }
        return projects;
    }
}

/// <summary>One project: its folder and what it references.</summary>
internal sealed record Project(string Name, string Directory, IReadOnlySet<string> References, IReadOnlySet<string> Packages)
{
    /// <summary>The project's C# and Razor source files (build output excluded), relative to the repository root.</summary>
    public IEnumerable<string> SourceFiles =>
        System.IO.Directory.EnumerateFiles(Directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));
}
