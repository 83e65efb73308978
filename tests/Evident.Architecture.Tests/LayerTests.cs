using Evident.Testing;

namespace Evident.Architecture.Tests;

/// <summary>
/// Each project is one layer and the arrows go one way (docs/architecture.md):
/// Statistics ← Design ← Protocol ← Analysis ← Reporting; Data ← Analysis; Protocol ← Randomization ← Storage ← Server;
/// Cli on top. A project may reference only the layers below it listed here; a new project must be placed here first.
/// </summary>
public sealed class LayerTests
{
    private static readonly Dictionary<string, string[]> Below = new(StringComparer.Ordinal)
    {
        ["Evident.Statistics"] = [],
        ["Evident.Data"] = [],
        ["Evident.Design"] = ["Evident.Statistics"],
        ["Evident.Protocol"] = ["Evident.Design"],
        ["Evident.Randomization"] = ["Evident.Protocol"],
        ["Evident.Storage"] = ["Evident.Randomization"],
        // Analysis reads captured records (Randomization's types, no database) as it reads files (Data).
        ["Evident.Analysis"] = ["Evident.Statistics", "Evident.Design", "Evident.Data", "Evident.Protocol", "Evident.Randomization"],
        // Reporting names a model frame's columns as R does (the formula, the design columns).
        ["Evident.Reporting"] = ["Evident.Statistics", "Evident.Design", "Evident.Data", "Evident.Analysis"],
        ["Evident.Server"] = ["Evident.Storage", "Evident.Analysis", "Evident.Reporting"],
        ["Evident.Cli"] = ["Evident.Statistics", "Evident.Data", "Evident.Design", "Evident.Protocol", "Evident.Randomization", "Evident.Storage",
                           "Evident.Analysis", "Evident.Reporting", "Evident.Server"],
    };

    /// <summary>Packages that belong to one layer: a database driver below Storage or YAML outside Protocol is a leak.</summary>
    private static readonly Dictionary<string, string[]> PackageOwners = new(StringComparer.Ordinal)
    {
        ["Microsoft.Data.Sqlite"] = ["Evident.Storage"],
        ["Npgsql"] = ["Evident.Storage"],
        ["YamlDotNet"] = ["Evident.Protocol"],
        ["ScottPlot"] = ["Evident.Reporting"],
        ["Spectre.Console"] = ["Evident.Reporting", "Evident.Cli"],
        ["System.CommandLine"] = ["Evident.Cli"],
        ["Parquet.Net"] = ["Evident.Data"],
        ["Microsoft.AspNetCore.OpenApi"] = ["Evident.Server"],
        ["Microsoft.Extensions.Identity.Core"] = ["Evident.Randomization"],
        ["BouncyCastle.Cryptography"] = ["Evident.Randomization"],
        ["MathNet.Numerics"] = ["Evident.Statistics", "Evident.Design"],
    };

    /// <summary>Namespaces whose use in source marks a package's layer (a using of a transitive package counts too).</summary>
    private static readonly Dictionary<string, string> PackageNamespaces = new(StringComparer.Ordinal)
    {
        ["Microsoft.Data.Sqlite"] = "Microsoft.Data.Sqlite",
        ["Npgsql"] = "Npgsql",
        ["YamlDotNet"] = "YamlDotNet",
        ["ScottPlot"] = "ScottPlot",
        ["BouncyCastle.Cryptography"] = "Org.BouncyCastle",
    };

    [Fact]
    public void Every_project_has_its_place_in_the_layers()
    {
        Assert.Equal(Below.Keys.Order(StringComparer.Ordinal), Projects.Source.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Projects_reference_only_the_layers_below_them()
    {
        var leaks = Projects.Source.Values
            .SelectMany(p => p.References.Where(r => !Below[p.Name].Contains(r)).Select(r => $"{p.Name} → {r}"))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void Packages_stay_in_their_layer()
    {
        var leaks = Projects.Source.Values
            .SelectMany(p => p.Packages.Where(k => !PackageOwners.TryGetValue(k, out var owners) || !owners.Contains(p.Name)).Select(k => $"{p.Name} uses {k}"))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void Database_drivers_and_yaml_are_used_only_in_their_layer()
    {
        var leaks = new List<string>();
        foreach (var (package, ns) in PackageNamespaces)
            foreach (var project in Projects.Source.Values.Where(p => !PackageOwners[package].Contains(p.Name)))
                foreach (string file in project.SourceFiles)
                    if (File.ReadLines(file).Any(line => line.StartsWith($"using {ns}", StringComparison.Ordinal) || line.Contains($" {ns}.", StringComparison.Ordinal)))
                        leaks.Add($"{Path.GetRelativePath(RepositoryFiles.Root, file)} uses {ns}");
        Assert.Empty(leaks);
    }

    [Fact]
    public void The_architecture_document_and_the_readme_name_every_project()
    {
        string architecture = File.ReadAllText(RepositoryFiles.PathOf("docs/architecture.md"));
        string readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));
        var missing = Projects.Source.Keys
            .SelectMany(name => new[] { ("docs/architecture.md", architecture), ("README.md", readme) }
                .Where(doc => !doc.Item2.Contains($"src/{name}`", StringComparison.Ordinal))
                .Select(doc => $"{doc.Item1} does not describe src/{name}"))
            .ToList();
        Assert.Empty(missing);
    }
}
