namespace Evident.Protocol;

/// <summary>
/// A protocol (or scenario) file that cannot be accepted: malformed YAML, an unknown or misspelt key, a value of the
/// wrong type or out of range, or a reference to an arm, stratum, level, component, endpoint or column that the file
/// does not define. Synthetic-trial and simulation scenario files are read by the same reader and fail the same way.
/// The message names the file, the line and the key at fault, e.g.
/// <c>protocol.yaml, line 42, key 'analyses.primary.compare': arm 'blina' is not defined; arms are chemotherapy, blinatumomab</c>.
/// </summary>
public sealed class ProtocolException : Exception
{
    /// <summary>Creates the exception; <see cref="Exception.Message"/> is composed from the parts.</summary>
    /// <param name="file">The file (or source) name as given to the parser.</param>
    /// <param name="line">1-based line of the offending node; 0 when unknown.</param>
    /// <param name="column">1-based column of the offending node; 0 when unknown.</param>
    /// <param name="keyPath">Dotted key path such as <c>analyses.primary.compare[1]</c>; empty for the document itself.</param>
    /// <param name="reason">What is wrong, in plain English.</param>
    /// <param name="inner">The YAML library's exception for a syntax error, else null.</param>
    public ProtocolException(string file, int line, int column, string keyPath, string reason, Exception? inner = null)
        : base(Compose(file, line, column, keyPath, reason), inner)
    {
        File = file;
        Line = line;
        Column = column;
        KeyPath = keyPath;
        Reason = reason;
    }

    /// <summary>The file (or source) name given to <see cref="TrialProtocol.Parse"/> or <see cref="TrialProtocol.Load"/>.</summary>
    public string File { get; }

    /// <summary>1-based line of the node at fault (for a missing key: the line of the mapping that lacks it).</summary>
    public int Line { get; }

    /// <summary>1-based column of the node at fault.</summary>
    public int Column { get; }

    /// <summary>Dotted key path of the value at fault, e.g. <c>allocation.block_sizes[1]</c>; empty for a syntax error.</summary>
    public string KeyPath { get; }

    /// <summary>The reason alone, without file, line and key.</summary>
    public string Reason { get; }

    internal static string Compose(string file, int line, int column, string keyPath, string reason) =>
        keyPath.Length == 0
            ? $"{file}, line {line}, column {column}: {reason}"
            : $"{file}, line {line}, key '{keyPath}': {reason}";
}
