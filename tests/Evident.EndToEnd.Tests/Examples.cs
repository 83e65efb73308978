using Evident.Protocol;
using Evident.Protocol.Synthetic;

namespace Evident.EndToEnd.Tests;

/// <summary>The AALL1731 example protocol and scenario, as copied to the test output.</summary>
internal static class Examples
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "examples", "aall1731");

    public static TrialProtocol Protocol => TrialProtocol.Load(Path.Combine(Folder, "protocol.yaml"));

    public static TrialScenario Scenario(TrialProtocol protocol) => TrialScenario.Load(Path.Combine(Folder, "scenario.yaml"), protocol);

    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"evident-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
