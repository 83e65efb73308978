using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Evident.Data;

/// <summary>
/// A whole file mapped read-only into memory and exposed as <see cref="Memory{T}"/>, so the parallel CSV parser reads
/// the page cache in place: no copy into a managed array, and the kernel maps file pages a block at a time instead
/// of faulting in a fresh anonymous page every 4 KB. Dispose after parsing; nothing parsed refers to the bytes.
/// </summary>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly int _length;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, byte* pointer, int length)
    {
        _map = map; _view = view; _pointer = pointer; _length = length;
    }

    /// <summary>Maps the first <paramref name="length"/> (≥ 1) bytes of an open file.</summary>
    public static MappedFile Open(SafeFileHandle handle, int length)
    {
        var map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            pointer += view.PointerOffset;
            Populate(pointer, length);
            return new MappedFile(map, view, pointer, length);
        }
        catch
        {
            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>
    /// On Linux, asks the kernel to map every page now (<c>madvise(MADV_POPULATE_READ)</c>, Linux 5.14+): one system
    /// call instead of a page fault per block. Best effort; older kernels and other systems fault pages in lazily.
    /// </summary>
    private static void Populate(byte* pointer, int length)
    {
        if (!OperatingSystem.IsLinux()) return;
        const int MadvPopulateRead = 22;
        long page = Environment.SystemPageSize;
        long start = (long)pointer & ~(page - 1);
        try { _ = madvise((nint)start, (nuint)((long)pointer + length - start), MadvPopulateRead); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int madvise(nint address, nuint length, int advice);

    /// <inheritdoc />
    public override Span<byte> GetSpan() => new(_pointer, _length);

    /// <inheritdoc />
    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    /// <inheritdoc />
    public override void Unpin() { }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
