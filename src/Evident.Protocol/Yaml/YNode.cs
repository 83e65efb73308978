using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evident.Protocol.Yaml;

/// <summary>
/// One node of the protocol document with its key path, read with strict types: every reader either returns a value or
/// throws a <see cref="ProtocolException"/> naming the file, line and key.
/// </summary>
internal readonly struct YNode
{
    public YNode(YamlNode node, string path, string source)
    {
        Node = node;
        Path = path;
        Source = source;
    }

    public YamlNode Node { get; }

    public string Path { get; }

    public string Source { get; }

    public int Line => (int)Node.Start.Line;

    /// <summary>Where this node is, for checks made after parsing.</summary>
    public SourceLocation Location() => new(Source, (int)Node.Start.Line, (int)Node.Start.Column, Path);

    /// <summary>The location of a key omitted in or under this node (its default applies): this node's line, the key's path.</summary>
    public SourceLocation Omitted(string keyPath) => new(Source, (int)Node.Start.Line, (int)Node.Start.Column, keyPath);

    public ProtocolException Error(string reason) =>
        new(Source, (int)Node.Start.Line, (int)Node.Start.Column, Path, reason);

    public bool IsScalar => Node is YamlScalarNode;

    public bool IsNull => Node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>A non-empty string (a plain or quoted scalar).</summary>
    public string String()
    {
        if (Node is not YamlScalarNode scalar) throw Error($"expected a text value, got {Describe()}");
        if (IsNull) throw Error("has no value; give a text value");
        string value = scalar.Value ?? "";
        if (value.Trim().Length == 0) throw Error("is empty; give a text value");
        return value;
    }

    /// <summary>An identifier: letters, digits, '-', '_', '.', starting with a letter or digit.</summary>
    public string Id()
    {
        string value = String();
        bool ok = char.IsAsciiLetterOrDigit(value[0]);
        foreach (char c in value) ok &= char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
        if (!ok) throw Error($"'{value}' is not a valid identifier (use letters, digits, '-', '_' or '.', starting with a letter or digit)");
        return value;
    }

    /// <summary>A finite number written as a plain scalar.</summary>
    public double Number()
    {
        var scalar = PlainScalar("a number");
        if (!double.TryParse(scalar, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw Error($"expected a finite number, got '{scalar}'");
        return value;
    }

    /// <summary>A whole number written as a plain scalar.</summary>
    public int Integer()
    {
        var scalar = PlainScalar("a whole number");
        if (!int.TryParse(scalar, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            throw Error($"expected a whole number, got '{scalar}'");
        return value;
    }

    /// <summary><c>true</c> or <c>false</c> (YAML 1.2 core schema).</summary>
    public bool Boolean()
    {
        var scalar = PlainScalar("true or false");
        return scalar switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Error($"expected true or false, got '{scalar}'"),
        };
    }

    /// <summary>The elements of a sequence, with paths <c>path[i]</c>.</summary>
    public IReadOnlyList<YNode> Items()
    {
        if (Node is not YamlSequenceNode sequence) throw Error($"expected a list, got {Describe()}");
        var items = new YNode[sequence.Children.Count];
        for (int i = 0; i < items.Length; i++) items[i] = new YNode(sequence.Children[i], $"{Path}[{i}]", Source);
        return items;
    }

    /// <summary>A mapping whose keys must all belong to <paramref name="keys"/>.</summary>
    public YMap Map(KeySet keys)
    {
        if (Node is not YamlMappingNode mapping) throw Error($"expected a mapping (key: value lines), got {Describe()}");
        return new YMap(this, mapping, keys);
    }

    /// <summary>The entries of a mapping whose keys the author chooses (ids, data values); each key must be a text scalar.</summary>
    public IReadOnlyList<(YNode Key, YNode Value)> Entries()
    {
        if (Node is not YamlMappingNode mapping) throw Error($"expected a mapping (key: value lines), got {Describe()}");
        var entries = new List<(YNode, YNode)>(mapping.Children.Count);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name }) throw new YNode(key, Path, Source).Error("keys must be plain text");
            string path = Path + "." + name;
            entries.Add((new YNode(key, path, Source), new YNode(value, path, Source)));
        }
        return entries;
    }

    private string PlainScalar(string expected)
    {
        if (Node is not YamlScalarNode scalar) throw Error($"expected {expected}, got {Describe()}");
        if (IsNull) throw Error($"has no value; give {expected}");
        if (scalar.Style != ScalarStyle.Plain) throw Error($"expected {expected}, got the quoted text \"{scalar.Value}\" (remove the quotes)");
        return scalar.Value!;
    }

    private string Describe() => Node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode when IsNull => "no value",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an unsupported node",
    };
}
