using Evident.Testing;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evident.Protocol;
using Evident.Protocol.Yaml;

namespace Evident.Protocol.Tests.Protocol;

/// <summary>
/// The parser's key sets, docs/protocol.md and docs/protocol.schema.json describe the same keys: each test walks one
/// of them and compares with the others, so they cannot drift apart.
/// </summary>
public sealed partial class ProtocolDocumentationTests
{
    /// <summary>Every key path the parser accepts, e.g. <c>arms[].control</c>, <c>data.simple.strata.*.values.*</c>.</summary>
    private static SortedSet<string> ParserPaths()
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var set in ProtocolKeys.All)
            foreach (string key in set.Keys) paths.Add(set.PathOf(key));
        foreach (string userKeyed in ProtocolKeys.UserKeyed) paths.Add(userKeyed + ".*");
        return paths;
    }

    [Fact]
    public void KeySetsAreFoundByReflection()
    {
        Assert.Equal(44, ProtocolKeys.All.Count);
        Assert.Contains("allocation.block_sizes", ParserPaths());
        Assert.Contains("data.adam.adtte.events.*", ParserPaths());
    }

    [Fact]
    public void EveryKeyIsDocumentedAndEveryDocumentedKeyExists()
    {
        string docs = File.ReadAllText(RepositoryFiles.PathOf("docs/protocol.md"));
        var documented = new SortedSet<string>(TableKey().Matches(docs).Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        var expected = ParserPaths();
        // Mappings and lists are documented by their own row too (e.g. `design`), so compare the leaf paths both ways.
        var parents = expected.Select(Parent).ToHashSet();
        Assert.Equal("", string.Join(", ", expected.Where(p => !documented.Contains(p))));
        Assert.Equal("", string.Join(", ", documented.Where(p => !expected.Contains(p) && !parents.Contains(p))));
    }

    [Fact]
    public void TheSchemaHasExactlyTheParsersKeys()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs/protocol.schema.json")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Walk(schema.RootElement, schema.RootElement, "", found);
        var expected = ParserPaths();
        Assert.Equal("", string.Join(", ", expected.Where(p => !found.Contains(p))));
        Assert.Equal("", string.Join(", ", found.Where(p => !expected.Contains(p))));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void TheExampleUsesTheSchema()
    {
        Assert.StartsWith("# yaml-language-server: $schema=../../docs/protocol.schema.json", RepositoryFiles.ExampleProtocol);
    }

    private static string Parent(string path)
    {
        int dot = path.LastIndexOf('.');
        string parent = dot < 0 ? "" : path[..dot];
        return parent.EndsWith("[]", StringComparison.Ordinal) ? parent[..^2] : parent;
    }

    /// <summary>Collects the key path of every property, following $ref, oneOf/anyOf, items and additionalProperties.</summary>
    private static void Walk(JsonElement root, JsonElement node, string prefix, ISet<string> found)
    {
        if (node.ValueKind != JsonValueKind.Object) return;
        if (node.TryGetProperty("$ref", out var reference))
        {
            string name = reference.GetString()!["#/$defs/".Length..];
            Walk(root, root.GetProperty("$defs").GetProperty(name), prefix, found);
        }
        foreach (string combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (node.TryGetProperty(combinator, out var branches))
                foreach (var branch in branches.EnumerateArray()) Walk(root, branch, prefix, found);
        if (node.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject())
            {
                string path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                found.Add(path);
                Walk(root, property.Value, path, found);
            }
        if (node.TryGetProperty("items", out var items)) Walk(root, items, prefix + "[]", found);
        if (node.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            found.Add(prefix + ".*");
            Walk(root, additional, prefix + ".*", found);
        }
    }

    [GeneratedRegex(@"^\| `([a-z_\[\]\.\*]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableKey();
}
