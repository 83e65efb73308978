namespace Evident.Data;

/// <summary>
/// The parse state of one chunk of a CSV body (see <see cref="CsvParser"/>): numbers go into the column arrays shared
/// by all chunks at <see cref="Offset"/>; once a column meets text in this chunk (<see cref="TextFrom"/>) its later
/// fields are dictionary-encoded into <see cref="Codes"/> here.
/// </summary>
internal sealed class CsvChunk
{
    public readonly int Start;
    public readonly int End;
    /// <summary>LFs in the chunk (+1 for a last record without one): an upper bound on its records.</summary>
    public readonly int Capacity;
    /// <summary>Where the chunk's first record goes in the shared column arrays.</summary>
    public readonly int Offset;
    /// <summary>Per slot, the column array shared by every chunk.</summary>
    public readonly double[][] Values;
    public readonly int[]?[] Codes;
    public readonly ByteDictionary?[] Dictionaries;
    public readonly bool[] SawNumber;
    public readonly bool[] SawLogical;
    /// <summary>Per slot, the first record of this chunk encoded as text; int.MaxValue while the column has held no text here.</summary>
    public readonly int[] TextFrom;
    public int Rows;
    public CsvScanResult Result;
    private byte[] scratch = [];

    public CsvChunk(int start, int end, int capacity, int offset, double[][] values)
    {
        Start = start;
        End = end;
        Capacity = capacity;
        Offset = offset;
        Values = values;
        int slots = values.Length;
        Codes = new int[slots][];
        Dictionaries = new ByteDictionary[slots];
        SawNumber = new bool[slots];
        SawLogical = new bool[slots];
        TextFrom = new int[slots];
        Array.Fill(TextFrom, int.MaxValue);
    }

    public void EnsureText(int slot)
    {
        if (Codes[slot] is not null) return;
        Codes[slot] = new int[Capacity];
        Dictionaries[slot] = new ByteDictionary();
    }

    public void EncodeText(int slot, int record, ReadOnlySpan<byte> content, bool escaped)
    {
        if (Utf8Values.IsTextMissing(content))
        {
            Codes[slot]![record] = -1;
            return;
        }
        if (escaped)
        {
            if (scratch.Length < content.Length) scratch = new byte[Math.Max(content.Length, 64)];
            int n = CsvScanner.Unescape(content, scratch);
            content = scratch.AsSpan(0, n);
        }
        Codes[slot]![record] = Dictionaries[slot]!.GetOrAdd(content);
    }
}
