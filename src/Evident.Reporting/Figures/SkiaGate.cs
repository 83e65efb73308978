namespace Evident.Reporting.Figures;

/// <summary>
/// One lock around the native Skia work of the figures (text measurement, SVG and PNG rendering). Figures are drawn
/// from several threads at once (the command line's parallel sections, the server's requests, parallel tests), and the
/// test hosts were seen to die in libSkiaSharp with a segmentation fault when two threads drew at once; drawing is a small
/// part of any command's time, so serialising it costs little.
/// </summary>
internal static class SkiaGate
{
    /// <summary>Held while a thread calls into Skia.</summary>
    public static readonly Lock Sync = new();
}
