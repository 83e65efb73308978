using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Evident.Data;

/// <summary>
/// The RFC 4180 record scanner shared by the header read, the parallel chunk parse and the text re-read.
/// <para>
/// Rules: a record ends at LF outside quotes (a CR before it is dropped); a field is quoted when it starts with
/// <c>"</c>; inside quotes delimiters, CR and LF are data and <c>""</c> is one quote. A quote inside an unquoted
/// field, text after a closing quote, or an unclosed quote is reported rather than guessed at, so chunk boundaries
/// found by quote parity always agree with a sequential read. Blank lines are skipped, as R's
/// <c>read.csv(blank.lines.skip = TRUE)</c> does.
/// </para>
/// <para>
/// Method (after Langdale &amp; Lemire 2019, "Parsing gigabytes of JSON per second", and simdcsv): 64 bytes at a time,
/// vector compares give bit masks of quotes, delimiters and LFs; the prefix-XOR of the quote mask marks the bytes
/// inside quotes; the structural characters are the delimiters and LFs outside quotes, visited bit by bit. No byte
/// is examined twice except inside fields that contain quotes, which are validated on their own.
/// </para>
/// </summary>
internal static class CsvScanner
{
    /// <summary>
    /// Scans the records of [<paramref name="start"/>, <paramref name="end"/>) and hands each selected field to the
    /// visitor. The kernel of every CSV read, kept whole: the block loop (masks of 64 bytes) and the bit loop (one
    /// structural character at a time) share the field, record and quote state, which a split would pass by reference
    /// at every field. Per field its only call is the struct visitor's, which the JIT specialises per visitor type: no
    /// virtual call, no delegate, no allocation. Preconditions: <paramref name="start"/> is a record start outside
    /// quotes; <paramref name="end"/> is a record end (an LF's successor) or the end of the data.
    /// </summary>
    /// <param name="data">The whole file.</param>
    /// <param name="start">First byte of the range (a record start, outside quotes).</param>
    /// <param name="end">One past the last byte of the range (a record end).</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="fieldCount">Fields each record must have; negative to accept any count (header; slot = field index).</param>
    /// <param name="slotOf">Output slot per field index, −1 to skip the field.</param>
    /// <param name="maxRecords">Stop after this many records.</param>
    /// <param name="visitor">Receives the selected fields.</param>
    public static CsvScanResult Scan<TVisitor>(ReadOnlySpan<byte> data, int start, int end, byte delimiter,
                                               int fieldCount, ReadOnlySpan<int> slotOf, int maxRecords, ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        int record = 0, field = 0, fieldStart = start;
        int lastQuote = -1;       // position of the last quote in the blocks loaded so far
        ulong insideCarry = 0;    // all ones when the previous block ended inside quotes
        Span<byte> tail = stackalloc byte[64];
        if (maxRecords <= 0) return new CsvScanResult(0, start, CsvProblem.None, -1, -1);
        int lastSelected = fieldCount < 0 ? int.MaxValue : slotOf.LastIndexOfAnyExceptInRange(int.MinValue, -1);

        for (int blockStart = start; blockStart < end; blockStart += 64)
        {
            ulong quotes, delimiters, newlines;
            if (end - blockStart >= 64)
            {
                Masks(data.Slice(blockStart, 64), delimiter, out quotes, out delimiters, out newlines);
            }
            else
            {
                tail.Clear();
                data[blockStart..end].CopyTo(tail);
                Masks(tail, delimiter, out quotes, out delimiters, out newlines);
            }
            if (quotes != 0) lastQuote = blockStart + 63 - BitOperations.LeadingZeroCount(quotes);
            ulong inside = quotes == 0 ? insideCarry : PrefixXor(quotes) ^ insideCarry; // most blocks hold no quote
            insideCarry = (ulong)((long)inside >> 63);
            ulong structural = (delimiters | newlines) & ~inside;

            while (structural != 0)
            {
                int bit = BitOperations.TrailingZeroCount(structural);
                structural &= structural - 1;
                int position = blockStart + bit;
                bool endOfRecord = ((newlines >> bit) & 1) != 0;
                if (!endOfRecord && fieldCount >= 0 && lastQuote < fieldStart && (field >= slotOf.Length || slotOf[field] < 0))
                {
                    field++; // an unselected, unquoted field: nothing to look at
                    fieldStart = position + 1;
                    if (field <= lastSelected) continue;
                    // No field left in the record is selected, and none holds a quote up to the end of this block: pass
                    // its delimiters up to the next LF in one step, counting them for the field-count check.
                    ulong lf = structural & newlines;
                    ulong before = lf == 0 ? ulong.MaxValue : (lf & (0 - lf)) - 1;
                    ulong passed = structural & before;
                    if (passed == 0) continue;
                    field += BitOperations.PopCount(passed);
                    fieldStart = blockStart + 64 - BitOperations.LeadingZeroCount(passed);
                    structural &= ~before;
                    continue;
                }
                int contentEnd = position;
                if (endOfRecord && contentEnd > fieldStart && data[contentEnd - 1] == (byte)'\r') contentEnd--;
                if (endOfRecord && field == 0 && contentEnd == fieldStart)
                {
                    fieldStart = position + 1; // blank line
                    continue;
                }
                var problem = EmitField(data, fieldStart, contentEnd, lastQuote, fieldCount, slotOf, field, record, ref visitor);
                if (problem != CsvProblem.None) return new CsvScanResult(record, fieldStart, problem, record, field);
                field++;
                fieldStart = position + 1;
                if (!endOfRecord) continue;
                if (fieldCount >= 0 && field != fieldCount) return new CsvScanResult(record, fieldStart, CsvProblem.Ragged, record, field);
                record++;
                field = 0;
                if (record == maxRecords) return new CsvScanResult(record, fieldStart, CsvProblem.None, -1, -1);
            }
        }

        return FinishLastRecord(data, end, fieldStart, field, record, lastQuote, fieldCount, slotOf, ref visitor);
    }

    /// <summary>Emits the last field of a range that does not end with an LF and completes its record.</summary>
    private static CsvScanResult FinishLastRecord<TVisitor>(ReadOnlySpan<byte> data, int end, int fieldStart, int field, int record, int lastQuote,
                                                            int fieldCount, ReadOnlySpan<int> slotOf, ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        if (fieldStart >= end && field == 0) return new CsvScanResult(record, end, CsvProblem.None, -1, -1);
        int contentEnd = end;
        if (contentEnd > fieldStart && data[contentEnd - 1] == (byte)'\r') contentEnd--;
        if (field == 0 && contentEnd == fieldStart) return new CsvScanResult(record, end, CsvProblem.None, -1, -1);
        var problem = EmitField(data, fieldStart, contentEnd, lastQuote, fieldCount, slotOf, field, record, ref visitor);
        if (problem != CsvProblem.None) return new CsvScanResult(record, fieldStart, problem, record, field);
        field++;
        if (fieldCount >= 0 && field != fieldCount) return new CsvScanResult(record, end, CsvProblem.Ragged, record, field);
        return new CsvScanResult(record + 1, end, CsvProblem.None, -1, -1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CsvProblem EmitField<TVisitor>(ReadOnlySpan<byte> data, int start, int end, int lastQuote, int fieldCount,
                                                  ReadOnlySpan<int> slotOf, int field, int record, ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        int slot;
        if (fieldCount < 0) slot = field;
        else if (field < slotOf.Length) slot = slotOf[field];
        else slot = -1;

        ReadOnlySpan<byte> content = data[start..end];
        bool escaped = false;
        if (lastQuote >= start && content.Contains((byte)'"'))
        {
            var problem = Unquote(ref content, out escaped);
            if (problem != CsvProblem.None) return problem;
        }
        if (slot >= 0) visitor.Field(slot, record, content, escaped);
        return CsvProblem.None;
    }

    /// <summary>Checks a field containing quotes against RFC 4180 and strips the enclosing quotes.</summary>
    private static CsvProblem Unquote(ref ReadOnlySpan<byte> content, out bool escaped)
    {
        escaped = false;
        if (content[0] != (byte)'"') return CsvProblem.StrayQuote;
        int i = 1;
        while (true)
        {
            int k = content[i..].IndexOf((byte)'"');
            if (k < 0) return CsvProblem.Unterminated;
            int q = i + k;
            if (q + 1 < content.Length && content[q + 1] == (byte)'"')
            {
                escaped = true;
                i = q + 2;
                continue;
            }
            if (q != content.Length - 1) return CsvProblem.TextAfterQuote;
            content = content[1..q];
            return CsvProblem.None;
        }
    }

    /// <summary>Bit i of each mask is set when byte i of the 64-byte block is a quote, the delimiter, an LF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Masks(ReadOnlySpan<byte> block, byte delimiter, out ulong quotes, out ulong delimiters, out ulong newlines)
    {
        ref byte origin = ref Unsafe.AsRef(in block[0]);
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.LoadUnsafe(ref origin);
            var high = Vector256.LoadUnsafe(ref origin, 32);
            quotes = Mask256(low, high, (byte)'"');
            delimiters = Mask256(low, high, delimiter);
            newlines = Mask256(low, high, (byte)'\n');
        }
        else
        {
            var a = Vector128.LoadUnsafe(ref origin);
            var b = Vector128.LoadUnsafe(ref origin, 16);
            var c = Vector128.LoadUnsafe(ref origin, 32);
            var d = Vector128.LoadUnsafe(ref origin, 48);
            quotes = Mask128(a, b, c, d, (byte)'"');
            delimiters = Mask128(a, b, c, d, delimiter);
            newlines = Mask128(a, b, c, d, (byte)'\n');
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask256(Vector256<byte> low, Vector256<byte> high, byte value)
    {
        var target = Vector256.Create(value);
        return Vector256.Equals(low, target).ExtractMostSignificantBits()
               | ((ulong)Vector256.Equals(high, target).ExtractMostSignificantBits() << 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask128(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c, Vector128<byte> d, byte value)
    {
        var target = Vector128.Create(value);
        return Vector128.Equals(a, target).ExtractMostSignificantBits()
               | ((ulong)Vector128.Equals(b, target).ExtractMostSignificantBits() << 16)
               | ((ulong)Vector128.Equals(c, target).ExtractMostSignificantBits() << 32)
               | ((ulong)Vector128.Equals(d, target).ExtractMostSignificantBits() << 48);
    }

    /// <summary>Bit i of the result is the XOR of bits 0..i: set from an opening quote up to (not including) its closing quote.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong x)
    {
        x ^= x << 1;
        x ^= x << 2;
        x ^= x << 4;
        x ^= x << 8;
        x ^= x << 16;
        x ^= x << 32;
        return x;
    }

    /// <summary>Replaces each doubled quote with one quote.</summary>
    public static int Unescape(ReadOnlySpan<byte> content, Span<byte> destination)
    {
        int n = 0;
        for (int i = 0; i < content.Length; i++)
        {
            destination[n++] = content[i];
            if (content[i] == (byte)'"' && i + 1 < content.Length && content[i + 1] == (byte)'"') i++;
        }
        return n;
    }

    /// <summary>An escaped field's content as a string (header names).</summary>
    public static string UnescapeToString(ReadOnlySpan<byte> content)
    {
        var buffer = new byte[content.Length];
        int n = Unescape(content, buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }
}
