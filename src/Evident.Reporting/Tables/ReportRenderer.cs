using Evident.Reporting.Json;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>Renders a report completely in memory, as JSON or as plain-text tables 120 columns wide.</summary>
public static class ReportRenderer
{
    /// <summary>Renders <paramref name="report"/> in <paramref name="format"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">JSON or tables.</param>
    public static string Render(IReport report, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (format == OutputFormat.Json) return JsonText.Render(report.WriteJson);
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
}
