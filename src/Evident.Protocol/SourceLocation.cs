namespace Evident.Protocol;

/// <summary>
/// Where a value was written in the protocol file: the file, the 1-based line and column of the value, and its dotted key
/// path. Kept for checks that can only be made later, against the data (a column the data do not have), so that their
/// messages point at the protocol line at fault like a <see cref="ProtocolException"/> does.
/// </summary>
/// <param name="File">The protocol's file (or source) name, as given to the parser.</param>
/// <param name="Line">1-based line of the value.</param>
/// <param name="Column">1-based column of the value.</param>
/// <param name="KeyPath">Dotted key path, e.g. <c>data.simple.arm</c> or <c>data.adam.adsl.arm.column</c>.</param>
public sealed record SourceLocation(string File, int Line, int Column, string KeyPath)
{
    /// <summary>
    /// "FILE, line L, key 'KEY': REASON", the form of <see cref="ProtocolException"/> messages, e.g.
    /// <c>protocol.yaml, line 108, key 'data.simple.arm': column 'armcol' is not in participants.csv; its columns are: …</c>.
    /// </summary>
    /// <param name="reason">What is wrong, in plain English.</param>
    public string Describe(string reason) => ProtocolException.Compose(File, Line, Column, KeyPath, reason);

    /// <summary>A <see cref="ProtocolException"/> for this location.</summary>
    /// <param name="reason">What is wrong, in plain English.</param>
    public ProtocolException Error(string reason) => new(File, Line, Column, KeyPath, reason);
}
