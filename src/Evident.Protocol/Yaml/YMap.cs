using Evident.Design;
using YamlDotNet.RepresentationModel;

namespace Evident.Protocol.Yaml;

/// <summary>
/// A mapping of a protocol or scenario file read against its <see cref="KeySet"/>: unknown keys are rejected on construction (with a
/// "did you mean" for typos), and asking for a key the set does not declare is a programming error.
/// </summary>
internal sealed class YMap
{
    private readonly Dictionary<string, YNode> values = new(StringComparer.Ordinal);
    private readonly KeySet keys;

    public YMap(YNode node, YamlMappingNode mapping, KeySet keys)
    {
        Node = node;
        this.keys = keys;
        foreach (var (key, value) in mapping.Children)
        {
            var keyNode = new YNode(key, node.Path, node.Source);
            if (key is not YamlScalarNode { Value: { Length: > 0 } name }) throw keyNode.Error("keys must be plain text");
            string path = node.Path.Length == 0 ? name : node.Path + "." + name;
            if (!keys.Contains(name))
            {
                string? near = Spelling.Nearest(name, keys.Keys);
                throw new YNode(key, path, node.Source).Error(
                    $"unknown key '{name}'{(near is null ? "" : $"; did you mean '{near}'?")} Keys allowed here: {string.Join(", ", keys.Keys)}");
            }
            values.Add(name, new YNode(value, path, node.Source));
        }
    }

    public YNode Node { get; }

    public bool Has(string key) => Get(key) is not null;

    public YNode? Get(string key)
    {
        if (!keys.Contains(key)) throw new InvalidOperationException($"Key '{key}' is not declared in the key set '{keys.Pattern}'.");
        return values.TryGetValue(key, out var value) ? value : null;
    }

    public YNode Require(string key) => Get(key) ?? throw Missing(key);

    public ProtocolException Missing(string key) => ErrorAt(key, $"the required key '{key}' is missing");

    /// <summary>An error about <paramref name="key"/>: at its value when given, else at this mapping (the key's default applied).</summary>
    public ProtocolException ErrorAt(string key, string reason) =>
        Get(key) is { } value
            ? value.Error(reason)
            : new(Node.Source, Node.Line, (int)Node.Node.Start.Column, Node.Path.Length == 0 ? key : Node.Path + "." + key, reason);

    public string? String(string key) => Get(key)?.String();

    public string? Id(string key) => Get(key)?.Id();

    public double? Number(string key) => Get(key)?.Number();

    /// <summary>The number at <paramref name="key"/> checked against <paramref name="range"/> (see <see cref="YNode.Number(ValueRange, string?, string?)"/>), or null.</summary>
    public double? Number(string key, ValueRange range, string? name = null, string? expected = null) => Get(key)?.Number(range, name, expected);

    public int? Integer(string key) => Get(key)?.Integer();

    /// <summary>The whole number at <paramref name="key"/> checked against <paramref name="range"/>, or null.</summary>
    public int? Integer(string key, ValueRange range, string? expected = null) => Get(key)?.Integer(range, expected);

    /// <summary>The option named at <paramref name="key"/>, or <paramref name="fallback"/> when the key is absent.</summary>
    public T Choice<T>(string key, T fallback, params (string Name, T Value)[] options) =>
        Get(key) is { } node ? node.Choice(options) : fallback;

    /// <summary>The list of mappings with ids at <paramref name="key"/> (see <see cref="YNode.IdList{T}"/>); empty when absent.</summary>
    public IReadOnlyList<T> IdList<T>(string key, string what, Func<YNode, T> read) =>
        Get(key) is { } node ? node.IdList(what, read) : ValueList<T>.Empty;

    public bool? Boolean(string key) => Get(key)?.Boolean();
}
