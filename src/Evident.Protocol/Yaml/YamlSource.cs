using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evident.Protocol.Yaml;

/// <summary>
/// Loads the one YAML document of a protocol or scenario file; syntax errors become <see cref="ProtocolException"/>s with
/// the file, line and column, like every later error of the readers.
/// </summary>
internal static class YamlSource
{
    /// <summary>The root node of the single document in <paramref name="yaml"/>.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="source">The file name for messages.</param>
    /// <param name="what">What one document is, for the message about several, e.g. "a protocol".</param>
    public static YNode Load(string yaml, string source, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // YamlDotNet prefixes "(Line: l, Col: c, Idx: i) - (Line: …): "; the position is reported separately.
            string message = e.Message;
            int cut = message.StartsWith("(Line", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
            if (cut >= 0) message = message[(cut + 3)..];
            throw new ProtocolException(source, (int)e.Start.Line, (int)e.Start.Column, "", $"not valid YAML: {message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18 throws this, without a position, when the text ends inside a flow collection or quote.
            int lines = yaml.AsSpan().Count('\n') + 1;
            throw new ProtocolException(source, lines, 1, "", "not valid YAML: the file ends inside an unclosed bracket, brace or quote", e);
        }
        if (stream.Documents.Count == 0) throw new ProtocolException(source, 1, 1, "", "the file is empty");
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new ProtocolException(source, (int)second.Start.Line, (int)second.Start.Column, "", $"the file holds more than one YAML document; {what} is one document");
        }
        return new YNode(stream.Documents[0].RootNode, "", source);
    }
}
