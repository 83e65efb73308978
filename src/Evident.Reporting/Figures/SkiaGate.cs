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

    /// <summary>
    /// Runs the finalizers of Skia objects already unreachable, while <see cref="Sync"/> is held and so nothing draws.
    /// The lock cannot cover the finalizer thread: Release test hosts still died in libSkiaSharp on a thread-pool worker
    /// (dmesg), at random tests, with every call under the lock, which fits a finalizer freeing a native object shared
    /// with the figure being drawn (SkiaSharp issue 1220 reports such a crash with its text shaper). Called before each
    /// render. The collection is of the young generations only: a render's temporaries die young, and a full collection
    /// per figure held the lock long enough to starve the thread pool of a test host that also served pages. A
    /// mitigation, not a proof.
    /// </summary>
    public static void SettleFinalizers()
    {
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
    }
}
