using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Evident.Cli.Infrastructure;

/// <summary>
/// Renders a report completely in memory, then writes it: to standard output, or to a file through a temporary file
/// and a rename so that a failure never leaves a half-written file behind.
/// </summary>
public static class ReportWriter
{
    /// <summary>Renders <paramref name="report"/> in <paramref name="format"/>.</summary>
    public static string Render(IReport report, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                report.WriteJson(json);
            }
            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 120;
        report.WriteTable(console);
        return text.ToString();
    }

    /// <summary>Writes the rendered report to <paramref name="stdout"/>, or atomically to <paramref name="outputPath"/>.</summary>
    public static void Write(IReport report, OutputFormat format, string? outputPath, TextWriter stdout)
    {
        string content = Render(report, format);
        if (outputPath is null)
        {
            stdout.Write(content);
            return;
        }
        AtomicFile.WriteAllText(outputPath, content);
    }
}
