namespace Evident.Cli.Tests;

/// <summary>Locates the reference fixtures copied beside the test assembly.</summary>
internal static class Fixtures
{
    public static string ReferenceDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "reference");

    public static string Data(string name) => Path.Combine(ReferenceDirectory, "data", name);

    /// <summary>Runs the CLI in-process and captures its output.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EvidentApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
