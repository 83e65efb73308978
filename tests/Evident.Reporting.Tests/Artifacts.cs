using System.Xml.Linq;

namespace Evident.Reporting.Tests;

/// <summary>Writes rendered figures next to the test assembly (figures/NAME.svg|png) and parses SVG text.</summary>
internal static class Artifacts
{
    public static string Folder
    {
        get
        {
            string folder = Path.Combine(AppContext.BaseDirectory, "figures");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static void Save(string name, string svg, byte[] png)
    {
        File.WriteAllText(Path.Combine(Folder, name + ".svg"), svg);
        File.WriteAllBytes(Path.Combine(Folder, name + ".png"), png);
    }

    /// <summary>Parses the SVG (throws if it is not well-formed XML) and returns the trimmed content of every text element.</summary>
    public static IReadOnlyList<string> Texts(string svg)
    {
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        return doc.Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();
    }

    /// <summary>PNG signature and the IHDR width/height.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int Read(int at) => (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
        return (Read(16), Read(20));
    }
}
