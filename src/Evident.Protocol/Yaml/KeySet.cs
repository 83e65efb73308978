namespace Evident.Protocol.Yaml;

/// <summary>
/// The keys a mapping of the protocol may hold, with the mapping's path pattern (<c>arms[]</c>, <c>data.simple.events.*</c>;
/// <c>[]</c> stands for any list element and <c>*</c> for a user-chosen key). The parser accepts exactly these keys and
/// nothing else; docs/protocol.md and docs/protocol.schema.json are tested against them.
/// </summary>
internal sealed class KeySet
{
    private readonly string[] keys;

    public KeySet(string pattern, params string[] keys)
    {
        Pattern = pattern;
        this.keys = keys;
    }

    /// <summary>Path pattern of the mapping; empty for the document root.</summary>
    public string Pattern { get; }

    public IReadOnlyList<string> Keys => keys;

    public bool Contains(string key) => Array.IndexOf(keys, key) >= 0;

    /// <summary>Full pattern of one key, e.g. <c>arms[].control</c>.</summary>
    public string PathOf(string key) => Pattern.Length == 0 ? key : Pattern + "." + key;
}
