using System.Globalization;
using Evident.Design;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evident.Protocol.Yaml;

/// <summary>
/// One node of a protocol or scenario document with its key path, read with strict types: every reader either returns
/// a value or throws a <see cref="ProtocolException"/> naming the file, line, column and key, the value at fault and what
/// was expected. Ranges are <see cref="ValueRange"/>s, stated once (<see cref="DesignLimits"/> for design inputs).
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

    /// <summary>The last key of <see cref="Path"/> (<c>alpha</c> for <c>design.alpha</c>), the name range errors give the value.</summary>
    public string Key => Path[(Path.LastIndexOf('.') + 1)..];

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

    /// <summary>A finite number in <paramref name="range"/>: otherwise "<paramref name="name"/> = value; <paramref name="expected"/>".</summary>
    /// <param name="range">The values allowed.</param>
    /// <param name="name">The value's name in the message; default <see cref="Key"/>.</param>
    /// <param name="expected">What is expected; default from the range ("it must lie in (0, 0.5)", "it must be positive").</param>
    public double Number(ValueRange range, string? name = null, string? expected = null)
    {
        double value = Number();
        if (!range.Contains(value)) throw Error($"{name ?? Key} = {Text(value)}; {expected ?? Expected(range, false)}");
        return value;
    }

    /// <summary>A whole number in <paramref name="range"/>: otherwise "key = value; it must be at least n" (or <paramref name="expected"/>).</summary>
    /// <param name="range">The values allowed.</param>
    /// <param name="expected">What is expected; default from the range ("it must lie in 1 … 50", "it must be at least 2").</param>
    public int Integer(ValueRange range, string? expected = null)
    {
        int value = Integer();
        if (!range.Contains(value)) throw Error($"{Key} = {value.ToString(CultureInfo.InvariantCulture)}; {expected ?? Expected(range, true)}");
        return value;
    }

    /// <summary>The value of the option whose name is written here: otherwise "'text' is not one of a, b, c".</summary>
    public T Choice<T>(params (string Name, T Value)[] options)
    {
        string text = String();
        foreach (var (name, value) in options)
            if (name == text) return value;
        throw Error($"'{text}' is not one of {string.Join(", ", options.Select(o => o.Name))}");
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

    /// <summary>A list of distinct text values (or one scalar when <paramref name="allowScalar"/>); "what 'x' is listed twice".</summary>
    public IReadOnlyList<string> DistinctStrings(string what, bool allowScalar = false)
    {
        if (IsScalar && allowScalar) return new ValueList<string>([String()]);
        var result = new List<string>();
        foreach (var item in Items())
        {
            string value = item.String();
            if (result.Contains(value)) throw item.Error($"{what} '{value}' is listed twice");
            result.Add(value);
        }
        return ValueList<string>.From(result);
    }

    /// <summary>An id that <paramref name="defined"/> holds: otherwise "what 'x' is not defined; whats are a, b".</summary>
    /// <param name="defined">The ids defined.</param>
    /// <param name="what">What the id names, e.g. <c>arm</c>.</param>
    /// <param name="plural">How the message names the defined ids; default <paramref name="what"/> + s.</param>
    public string Reference(IEnumerable<string> defined, string what, string? plural = null)
    {
        string id = String();
        var known = defined.ToList();
        if (!known.Contains(id))
            throw Error(known.Count == 0
                ? $"{what} '{id}' is not defined; the protocol defines none"
                : $"{what} '{id}' is not defined; {plural ?? what + "s"} are {string.Join(", ", known)}");
        return id;
    }

    /// <summary>A list of distinct references to defined ids (or one scalar when <paramref name="allowScalar"/>).</summary>
    public IReadOnlyList<string> References(IEnumerable<string> defined, string what, bool allowScalar, string? plural = null)
    {
        var known = defined.ToList();
        if (IsScalar && !IsNull && allowScalar) return new ValueList<string>([Reference(known, what, plural)]);
        var result = new List<string>();
        foreach (var item in Items())
        {
            string id = item.Reference(known, what, plural);
            if (result.Contains(id)) throw item.Error($"{what} '{id}' is listed twice");
            result.Add(id);
        }
        return ValueList<string>.From(result);
    }

    /// <summary>The nodes a reference list was read from: the items, or this node for a single scalar.</summary>
    public IReadOnlyList<YNode> ItemsOrSelf() => IsScalar ? [this] : Items();

    /// <summary>
    /// A list of mappings with an <c>id</c> key each, read by <paramref name="read"/>; ids must be distinct
    /// ("what id 'x' is defined twice").
    /// </summary>
    public IReadOnlyList<T> IdList<T>(string what, Func<YNode, T> read, bool atLeastOne = false)
    {
        var items = Items();
        if (atLeastOne && items.Count == 0) throw Error($"give at least one {what}");
        var result = new T[items.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            result[i] = read(items[i]);
            var idNode = ((YamlMappingNode)items[i].Node).Children[new YamlScalarNode("id")];
            string id = ((YamlScalarNode)idNode).Value!;
            if (!seen.Add(id)) throw new YNode(idNode, items[i].Path + ".id", Source).Error($"{what} id '{id}' is defined twice");
        }
        return new ValueList<T>(result);
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

    /// <summary>A number as messages write it: shortest round-trip form, invariant culture.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>What a range expects, in the words of the messages: "it must lie in (0, 0.5)", "it must be positive", "it must be at least 2".</summary>
    private static string Expected(ValueRange range, bool integer)
    {
        if (!double.IsPositiveInfinity(range.Upper))
            return integer ? $"it must lie in {Text(range.Lower)} … {Text(range.Upper)}" : $"it must lie in {range}";
        if (integer) return $"it must be at least {Text(range.Lower)}";
        if (range.Lower == 0) return range.LowerIncluded ? "it must be ≥ 0" : "it must be positive";
        return $"it must be {(range.LowerIncluded ? "≥" : ">")} {Text(range.Lower)}";
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
