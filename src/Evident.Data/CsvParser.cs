using System.Text;

namespace Evident.Data;

/// <summary>
/// Parses delimited text held in memory into a <see cref="DataTable"/>, in parallel.
/// <para>
/// Plan: (1) read the header; (2) cut the body into chunks at record boundaries — quotes are counted per segment
/// with a vectorised count, so the quote parity at each cut is known and the cut moves to the next LF outside quotes;
/// (3) parse chunks in parallel: each selected field is classified from its UTF-8 bytes (number, logical, missing,
/// other) and stored as a double straight into the column's array at the chunk's offset (each chunk's LF count bounds
/// its records); unselected fields are skipped unparsed; once a chunk meets a value that is neither, it
/// dictionary-encodes that column's later fields instead; (4) decide each column's kind over all chunks; (5) for text
/// columns, re-read only the rows a chunk had stored as numbers; (6) close the gaps between chunks (blank lines, line
/// breaks inside quotes) and merge the per-chunk dictionaries in row order, so the dictionary lists values in order of
/// first appearance whatever the chunking.
/// No allocation per row; one per distinct text value per chunk.
/// </para>
/// </summary>
internal static class CsvParser
{
    private const int MinChunkBytes = 1 << 20;

    public static DataTable Parse(ReadOnlyMemory<byte> data, int length, string source, byte delimiter, IReadOnlyCollection<string>? columns, int? chunkCount = null)
    {
        if (delimiter is (byte)'"' or (byte)'\n' or (byte)'\r')
            throw new ArgumentException("the delimiter cannot be a quote or a line break.", nameof(delimiter));
        ReadOnlySpan<byte> span = data.Span[..length];
        var (names, bodyStart) = ReadHeader(span, source, delimiter);
        var (slotOf, slotField) = SelectFields(names, columns, source);
        int[] bounds = ChunkBounds(data[..length], bodyStart, length, chunkCount);
        var chunks = CreateChunks(data[..length], bounds, slotField.Length);
        Parallel.For(0, chunks.Length, c =>
        {
            var chunk = chunks[c];
            var visitor = new ClassifyVisitor { Chunk = chunk };
            chunk.Result = CsvScanner.Scan(data.Span[..length], chunk.Start, chunk.End, delimiter, names.Length, slotOf, int.MaxValue, ref visitor);
            chunk.Rows = chunk.Result.Records;
        });
        int rowCount = CountRows(chunks, source, names);
        var kinds = Kinds(chunks, slotField.Length);
        if (Array.IndexOf(kinds, ColumnKind.Text) >= 0) ReadTextPrefixes(data[..length], chunks, kinds, delimiter, names.Length, slotOf);
        return Assemble(source, names, slotField, kinds, chunks, rowCount);
    }

    /// <summary>The column names and the position just after the header record.</summary>
    private static (string[] Names, int BodyStart) ReadHeader(ReadOnlySpan<byte> span, string source, byte delimiter)
    {
        int start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var header = new HeaderVisitor { Names = [] };
        var scan = CsvScanner.Scan(span, start, span.Length, delimiter, -1, default, 1, ref header);
        if (scan.Problem != CsvProblem.None)
            throw Structural(source, scan.Problem, null, scan.ProblemField < header.Names.Count ? header.Names[scan.ProblemField] : null, 0);
        if (scan.Records == 0)
            throw DataInputException.InFile(source, "the file is empty; expected a header row naming the columns, then one row per subject.");
        return ([.. header.Names], scan.EndPosition);
    }

    /// <summary>The output slot of each field (−1 to skip) and the field of each slot; slots follow file order.</summary>
    private static (int[] SlotOf, int[] SlotField) SelectFields(string[] names, IReadOnlyCollection<string>? columns, string source)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int f = 0; f < names.Length; f++)
        {
            if (!index.TryAdd(names[f], f))
                throw DataInputException.InFile(source, $"column '{names[f]}' appears more than once in the header.", names[f]);
        }
        var slotOf = new int[names.Length];
        Array.Fill(slotOf, -1);
        if (columns is null)
        {
            for (int f = 0; f < names.Length; f++) slotOf[f] = 0;
        }
        else
        {
            foreach (string name in columns)
            {
                if (!index.TryGetValue(name, out int f)) throw DataTable.NotFound(source, name, names);
                slotOf[f] = 0;
            }
        }
        int slots = 0;
        var slotField = new List<int>();
        for (int f = 0; f < names.Length; f++)
        {
            if (slotOf[f] < 0) continue;
            slotOf[f] = slots++;
            slotField.Add(f);
        }
        return (slotOf, [.. slotField]);
    }

    /// <summary>
    /// One chunk per pair of bounds, all writing numbers straight into shared column arrays at their own offsets. A
    /// chunk that is not the last ends with an LF after each record, so its LF count bounds its records; the last may
    /// lack the final LF. When the file ends with an LF the columns come out exactly one value per record, so the
    /// model frame can use them without a copy.
    /// </summary>
    private static CsvChunk[] CreateChunks(ReadOnlyMemory<byte> data, int[] bounds, int slots)
    {
        int chunkTotal = bounds.Length - 1;
        bool endsWithLf = data.Span[^1] == (byte)'\n';
        var capacity = new int[chunkTotal];
        Parallel.For(0, chunkTotal, c =>
            capacity[c] = data.Span[bounds[c]..bounds[c + 1]].Count((byte)'\n') + (c == chunkTotal - 1 && !endsWithLf ? 1 : 0));
        var offset = new int[chunkTotal + 1];
        for (int c = 0; c < chunkTotal; c++) offset[c + 1] = checked(offset[c] + capacity[c]);
        var shared = new double[slots][];
        for (int s = 0; s < slots; s++) shared[s] = GC.AllocateUninitializedArray<double>(offset[chunkTotal]);
        var chunks = new CsvChunk[chunkTotal];
        for (int c = 0; c < chunkTotal; c++) chunks[c] = new CsvChunk(bounds[c], bounds[c + 1], capacity[c], offset[c], shared);
        return chunks;
    }

    /// <summary>Reports the first structural problem in file order; returns the number of records.</summary>
    private static int CountRows(CsvChunk[] chunks, string source, string[] names)
    {
        int rowsBefore = 0;
        foreach (var chunk in chunks)
        {
            if (chunk.Result.Problem != CsvProblem.None)
            {
                int field = chunk.Result.ProblemField;
                if (chunk.Result.Problem == CsvProblem.Ragged)
                {
                    long row = rowsBefore + chunk.Result.ProblemRecord + 1L;
                    throw new DataInputException($"{source}: row {row} has {field} field{(field == 1 ? "" : "s")}; the header has {names.Length}.",
                                                 source, row, null, null, $"{names.Length} fields per row");
                }
                throw Structural(source, chunk.Result.Problem, rowsBefore + chunk.Result.ProblemRecord + 1L, field < names.Length ? names[field] : null, field);
            }
            rowsBefore += chunk.Rows;
        }
        if (rowsBefore == 0)
            throw DataInputException.InFile(source, "the file has a header but no data rows.");
        return rowsBefore;
    }

    /// <summary>A column is text if any chunk met text in it, or numbers and logicals both; else logical or numeric.</summary>
    private static ColumnKind[] Kinds(CsvChunk[] chunks, int slots)
    {
        var kinds = new ColumnKind[slots];
        for (int s = 0; s < slots; s++)
        {
            bool text = false, number = false, logical = false;
            foreach (var chunk in chunks)
            {
                text |= chunk.TextFrom[s] < chunk.Rows;
                number |= chunk.SawNumber[s];
                logical |= chunk.SawLogical[s];
            }
            kinds[s] = text || (number && logical) ? ColumnKind.Text : logical ? ColumnKind.Logical : ColumnKind.Numeric;
        }
        return kinds;
    }

    /// <summary>Text columns: re-reads, per chunk, the rows it had stored as numbers before it met text.</summary>
    private static void ReadTextPrefixes(ReadOnlyMemory<byte> data, CsvChunk[] chunks, ColumnKind[] kinds, byte delimiter, int fieldCount, int[] slotOf)
    {
        Parallel.For(0, chunks.Length, c =>
        {
            var chunk = chunks[c];
            int upTo = 0;
            for (int s = 0; s < kinds.Length; s++)
            {
                if (kinds[s] != ColumnKind.Text) continue;
                chunk.TextFrom[s] = Math.Min(chunk.TextFrom[s], chunk.Rows);
                chunk.EnsureText(s);
                upTo = Math.Max(upTo, chunk.TextFrom[s]);
            }
            if (upTo == 0) return;
            var visitor = new TextPrefixVisitor { Chunk = chunk };
            CsvScanner.Scan(data.Span, chunk.Start, chunk.End, delimiter, fieldCount, slotOf, upTo, ref visitor);
        });
    }

    private static DataTable Assemble(string source, string[] names, int[] slotField, ColumnKind[] kinds, CsvChunk[] chunks, int rowCount)
    {
        var result = new DataColumn[slotField.Length];
        Parallel.For(0, slotField.Length, s =>
        {
            string name = names[slotField[s]];
            if (kinds[s] == ColumnKind.Text)
            {
                result[s] = MergeText(name, chunks, s, rowCount);
                return;
            }
            // Close the gaps left by chunks with fewer records than LFs (blank lines, line breaks inside quotes);
            // moving down in chunk order never overwrites values not yet moved.
            double[] values = chunks[0].Values[s]; // shared by every chunk
            int at = 0;
            foreach (var chunk in chunks)
            {
                if (chunk.Offset != at) Array.Copy(values, chunk.Offset, values, at, chunk.Rows);
                at += chunk.Rows;
            }
            result[s] = new DataColumn(name, kinds[s], rowCount, values, null, null);
        });
        return new DataTable(source, result, rowCount);
    }

    private static DataColumn MergeText(string name, CsvChunk[] chunks, int slot, int rowCount)
    {
        var codes = new int[rowCount];
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        int at = 0;
        foreach (var chunk in chunks)
        {
            var dictionary = chunk.Dictionaries[slot]!;
            var map = new int[dictionary.Count];
            Array.Fill(map, -1);
            ReadOnlySpan<int> local = chunk.Codes[slot].AsSpan(0, chunk.Rows);
            Span<int> target = codes.AsSpan(at, chunk.Rows);
            for (int r = 0; r < local.Length; r++)
            {
                int code = local[r];
                if (code < 0) { target[r] = -1; continue; }
                int global = map[code];
                if (global < 0)
                {
                    string value = dictionary.GetString(code);
                    if (!lookup.TryGetValue(value, out global))
                    {
                        global = distinct.Count;
                        lookup.Add(value, global);
                        distinct.Add(value);
                    }
                    map[code] = global;
                }
                target[r] = global;
            }
            at += chunk.Rows;
        }
        return new DataColumn(name, ColumnKind.Text, rowCount, null, codes, [.. distinct]);
    }

    /// <summary>Chunk start positions (record starts) plus the end; the first is <paramref name="start"/>.</summary>
    internal static int[] ChunkBounds(ReadOnlyMemory<byte> data, int start, int end, int? requested)
    {
        int length = end - start;
        int k = requested ?? Math.Clamp(length / MinChunkBytes, 1, Environment.ProcessorCount * 8);
        k = Math.Clamp(k, 1, Math.Max(1, length));
        if (k == 1) return [start, end];

        var segment = new int[k + 1];
        for (int i = 0; i <= k; i++) segment[i] = start + (int)((long)length * i / k);
        var quotes = new int[k];
        Parallel.For(0, k, i => quotes[i] = data.Span[segment[i]..segment[i + 1]].Count((byte)'"'));

        var bounds = new List<int>(k + 1) { start };
        int parity = 0;
        for (int i = 1; i < k; i++)
        {
            parity ^= quotes[i - 1] & 1;
            int cut = NextRecordStart(data.Span, segment[i], end, parity == 1);
            if (cut > bounds[^1] && cut < end) bounds.Add(cut);
        }
        bounds.Add(end);
        return [.. bounds];
    }

    /// <summary>Position just after the first LF at or after <paramref name="from"/> that lies outside quotes.</summary>
    private static int NextRecordStart(ReadOnlySpan<byte> data, int from, int end, bool inQuotes)
    {
        int pos = from;
        while (pos < end)
        {
            int k = data[pos..end].IndexOfAny((byte)'"', (byte)'\n');
            if (k < 0) return end;
            pos += k;
            if (data[pos] == (byte)'"') inQuotes = !inQuotes;
            else if (!inQuotes) return pos + 1;
            pos++;
        }
        return end;
    }

    private static DataInputException Structural(string source, CsvProblem problem, long? row, string? column, int field)
    {
        string where = DataInputException.Where(source, row, column ?? $"field {field + 1}");
        string message = problem switch
        {
            CsvProblem.StrayQuote => "a quote appears inside an unquoted field; quote the whole field and double the inner quote (RFC 4180).",
            CsvProblem.Unterminated => "a quoted field is never closed; check for a missing closing quote.",
            CsvProblem.TextAfterQuote => "text follows the closing quote of a quoted field; a field must end at its closing quote.",
            _ => "the file is malformed.",
        };
        return new DataInputException($"{where}: {message}", source, row, column, null, "RFC 4180 quoting");
    }

    private struct HeaderVisitor : IFieldVisitor
    {
        public List<string> Names;

        public readonly void Field(int slot, int record, ReadOnlySpan<byte> content, bool escaped)
            => Names.Add(escaped ? CsvScanner.UnescapeToString(content) : Encoding.UTF8.GetString(content));
    }

    private struct ClassifyVisitor : IFieldVisitor
    {
        public CsvChunk Chunk;

        public readonly void Field(int slot, int record, ReadOnlySpan<byte> content, bool escaped)
        {
            var chunk = Chunk;
            if (chunk.TextFrom[slot] <= record)
            {
                chunk.EncodeText(slot, record, content, escaped);
                return;
            }
            // Most fields of a numeric column are plain numbers: try the exact fast path before trimming and classifying.
            if (!escaped && Utf8Values.TryFastPath(content, out double number))
            {
                chunk.Values[slot][chunk.Offset + record] = number;
                chunk.SawNumber[slot] = true;
                return;
            }
            double value = double.NaN;
            FieldClass kind = escaped ? FieldClass.Other : Utf8Values.Classify(content, out value);
            switch (kind)
            {
                case FieldClass.Number:
                    chunk.Values[slot][chunk.Offset + record] = value;
                    chunk.SawNumber[slot] = true;
                    break;
                case FieldClass.Logical:
                    chunk.Values[slot][chunk.Offset + record] = value;
                    chunk.SawLogical[slot] = true;
                    break;
                case FieldClass.Missing:
                    chunk.Values[slot][chunk.Offset + record] = double.NaN;
                    break;
                default:
                    chunk.TextFrom[slot] = record;
                    chunk.EnsureText(slot);
                    chunk.EncodeText(slot, record, content, escaped);
                    break;
            }
        }
    }

    private struct TextPrefixVisitor : IFieldVisitor
    {
        public CsvChunk Chunk;

        public readonly void Field(int slot, int record, ReadOnlySpan<byte> content, bool escaped)
        {
            var chunk = Chunk;
            if (record < chunk.TextFrom[slot] && chunk.Dictionaries[slot] is not null)
                chunk.EncodeText(slot, record, content, escaped);
        }
    }
}
