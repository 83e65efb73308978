using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Evident.Reporting.Json;

/// <summary>
/// How every JSON output of Evident is laid out: indented UTF-8, non-ASCII text written as is (a group label such as
/// "Nichtraucher" or "≥ 65" stays readable), one final newline.
/// </summary>
public static class JsonText
{
    /// <summary>Renders what <paramref name="write"/> writes as JSON text.</summary>
    /// <param name="write">Writes one JSON value.</param>
    public static string Render(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(json);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
