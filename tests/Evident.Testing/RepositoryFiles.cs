using System.Runtime.CompilerServices;

namespace Evident.Testing;

/// <summary>Files of the repository (example protocol, docs), found from this source file's compile-time path.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string ExampleProtocolPath => PathOf("examples/aall1731/protocol.yaml");

    public static string ExampleProtocol => File.ReadAllText(ExampleProtocolPath);

    private static string FindRoot([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + here);
    }
}
