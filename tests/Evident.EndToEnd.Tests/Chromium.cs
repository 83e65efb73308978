using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Evident.EndToEnd.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (the browser download does not work here): installed by
/// tools/install-test-browser.sh when missing (as .ci/run does), launched headless and offline-minded.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Launches headless chromium, installing it first when it is missing.</summary>
    /// <summary>
    /// How long a page waits for an element or a navigation: Playwright's 30 s default was exceeded on a shared 2-core
    /// machine while the server tests ran beside the browser tests; a wait that succeeds returns as soon as it can.
    /// </summary>
    public const float TimeoutMs = 120_000;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(Path)) Install();
        Assert.True(File.Exists(Path), $"{Path} is missing and tools/install-test-browser.sh could not install it: run it as root (apt-get install -y chromium).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A free TCP port on the loopback interface.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs tools/install-test-browser.sh, found above the test folder.</summary>
    private static void Install()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string script = System.IO.Path.Combine(dir.FullName, "tools", "install-test-browser.sh");
            if (!File.Exists(script)) continue;
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", [script])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return;
        }
    }
}
