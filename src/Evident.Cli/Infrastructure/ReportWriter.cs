namespace Evident.Cli.Infrastructure;

/// <summary>
/// Writes a report rendered completely in memory: to standard output, or to a file through a temporary file and a
/// rename so that a failure never leaves a half-written file behind.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes the rendered report to <paramref name="stdout"/>, or atomically to <paramref name="outputPath"/>.</summary>
    public static void Write(IReport report, OutputFormat format, string? outputPath, TextWriter stdout)
    {
        string content = ReportRenderer.Render(report, format);
        if (outputPath is null)
        {
            stdout.Write(content);
            return;
        }
        AtomicFile.WriteAllText(outputPath, content);
    }
}
