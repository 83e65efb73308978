using System.Diagnostics;
using System.Text.Json;
using Evident.Cli;

namespace Evident.EndToEnd.Tests;

/// <summary>Runs <c>evident demo</c> once, in process, for every test of the collection.</summary>
public sealed class DemoRun : IDisposable
{
    public DemoRun()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"evident-e2e-{Guid.NewGuid():N}");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        ExitCode = EvidentApp.Run(["demo", "--out", Directory], stdout, stderr);
        Elapsed = clock.Elapsed;
        Console = stdout.ToString();
        Errors = stderr.ToString();
        if (ExitCode == 0) Results = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "results.json"))).RootElement.Clone();
    }

    public string Directory { get; }
    public int ExitCode { get; }
    public TimeSpan Elapsed { get; }
    public string Console { get; }
    public string Errors { get; }
    public JsonElement Results { get; }

    public string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}

[CollectionDefinition("demo")]
public sealed class DemoCollection : ICollectionFixture<DemoRun>;
