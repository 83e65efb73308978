namespace Evident.Reporting.Figures;

/// <summary>
/// One lock around the native Skia work of the figures (text measurement, SVG and PNG rendering). Figures are drawn
/// from several threads at once (the command line's parallel sections, the server's requests, parallel tests), and
/// Skia's font and glyph caches are shared by every thread; drawing is a small part of any command's time, so serialising
/// it costs little. (The segmentation faults the test hosts died of were not two threads drawing at once but a marker's
/// path finalized during its own draw call: see <see cref="OwnedPathMarkers"/>.)
/// </summary>
internal static class SkiaGate
{
    /// <summary>Held while a thread calls into Skia.</summary>
    public static readonly Lock Sync = new();
}
