using System.CommandLine;

namespace Evident.Cli.Infrastructure;

/// <summary><c>--format</c> and <c>--output</c>.</summary>
public sealed class OutputOptions
{
    /// <summary><c>--format table|json</c>.</summary>
    public Option<OutputFormat> Format { get; } = new("--format")
    {
        Description = "table (default) or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    /// <summary><c>--output FILE</c>: written atomically instead of printed.</summary>
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the result to this file (atomically) instead of standard output." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Output);
    }
}
