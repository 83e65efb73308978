using System.Globalization;
using System.Text;

namespace Evident.Data.Tests;

/// <summary>
/// Property: the chunked parallel parse equals a plain sequential character-by-character parse, for random files
/// with quotes, embedded delimiters and line breaks, CRLF, missing values, numbers, logicals and text.
/// </summary>
public class ChunkedParseTests
{
    [Fact]
    public void ChunkedParseEqualsSequentialReferenceOnRandomFiles()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            string text = RandomCsv(random, out bool crlf);
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            var expected = ReferenceParse(text);
            foreach (int chunks in new[] { 1, 2, 3, 7, 16, 64 })
            {
                var actual = CsvParser.Parse(bytes, bytes.Length, "random.csv", (byte)',', null, chunks);
                Assert.Equal(expected.Count - 1, actual.RowCount);
                for (int c = 0; c < expected[0].Length; c++)
                {
                    var column = actual.Columns[c];
                    Assert.Equal(expected[0][c], column.Name);
                    var values = expected.Skip(1).Select(r => r[c]).ToList();
                    Assert.Equal(ExpectedKind(values), column.Kind);
                    for (int r = 0; r < values.Count; r++)
                    {
                        string? want = Canonical(values[r], column.Kind);
                        Assert.True(want == column.Format(r), $"seed {seed} chunks {chunks} crlf {crlf} column {c} row {r}: '{want}' vs '{column.Format(r)}'");
                    }
                    if (column.Kind == ColumnKind.Text)
                    {
                        var firstSeen = values.Where(v => !IsMissing(v)).Distinct().ToList();
                        Assert.Equal(firstSeen, column.Dictionary);
                    }
                }
            }
        }
    }

    [Fact]
    public void SelectingColumnsGivesTheSameValuesAsReadingAll()
    {
        var random = new Random(99);
        string text = RandomCsv(random, out _);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var all = CsvParser.Parse(bytes, bytes.Length, "r.csv", (byte)',', null, 5);
        var some = CsvParser.Parse(bytes, bytes.Length, "r.csv", (byte)',', ["c3", "c1"], 5);
        TableAssert.Equal(new DataTable("r.csv", [all["c1"], all["c3"]]), some);
    }

    [Fact]
    public void AnySelectionOfColumnsGivesTheValuesOfReadingAll()
    {
        // The scan passes the fields after the last selected one in a step: quoted, multi-line and empty fields there
        // must be passed the same way, whatever the chunking.
        for (int seed = 0; seed < 40; seed++)
        {
            var random = new Random(1000 + seed);
            string text = RandomCsv(random, out _);
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            var all = CsvParser.Parse(bytes, bytes.Length, "r.csv", (byte)',', null, 1);
            var names = all.Columns.Select(c => c.Name).ToList();
            var chosen = names.Where(_ => random.Next(2) == 0).DefaultIfEmpty(names[0]).ToList();
            foreach (int chunks in new[] { 1, 3, 16 })
            {
                var some = CsvParser.Parse(bytes, bytes.Length, "r.csv", (byte)',', chosen, chunks);
                TableAssert.Equal(new DataTable("r.csv", names.Where(chosen.Contains).Select(n => all[n]).ToList()), some);
            }
        }
    }

    [Theory]
    [InlineData("a,b,c,d\n1,2,3,4\n5,6,7,8,9\n", "r.csv: row 2 has 5 fields; the header has 4.")]
    [InlineData("a,b,c,d\n1,2,3,4\n5,6,7\n", "r.csv: row 2 has 3 fields; the header has 4.")]
    [InlineData("a,b,c,d\n1,2,\"3,\n3\",4\n5,6,7,8,\"9\"\n", "r.csv: row 2 has 5 fields; the header has 4.")]
    public void ARaggedRowIsFoundPastTheLastSelectedColumn(string csv, string message)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(csv);
        foreach (int chunks in new[] { 1, 2 })
        {
            var e = Assert.Throws<DataInputException>(() => CsvParser.Parse(bytes, bytes.Length, "r.csv", (byte)',', ["a"], chunks));
            Assert.Equal(message, e.Message);
        }
    }

    [Fact]
    public void ChunkBoundariesNeverFallInsideQuotes()
    {
        string text = "a,b\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{i},\"x\n,\"\"y\"\"\n\"\n"));
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        foreach (int chunks in new[] { 2, 9, 50, 400 })
        {
            var table = CsvParser.Parse(bytes, bytes.Length, "q.csv", (byte)',', null, chunks);
            Assert.Equal(200, table.RowCount);
            Assert.Equal(["x\n,\"y\"\n"], table["b"].Dictionary);
            Assert.Equal(199, table["a"].Numbers[199]);
        }
    }

    [Fact]
    public void NumberParserAgreesWithTheRuntimeBitForBit()
    {
        var random = new Random(7);
        for (int i = 0; i < 200_000; i++)
        {
            string s = (i % 4) switch
            {
                0 => (random.NextDouble() * 2 - 1).ToString("R", CultureInfo.InvariantCulture),
                1 => BitConverter.Int64BitsToDouble(random.NextInt64() & 0x7FEF_FFFF_FFFF_FFFF).ToString("R", CultureInfo.InvariantCulture),
                2 => RandomDigits(random) + "e" + random.Next(-360, 330).ToString(CultureInfo.InvariantCulture),
                _ => RandomDigits(random).Insert(1, "."),
            };
            Assert.True(Utf8Values.TryParseNumber(Encoding.ASCII.GetBytes(s), out double actual), s);
            double expected = double.Parse(s, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{s}: {actual:R} vs {expected:R}");
        }
        Assert.True(Utf8Values.TryParseNumber("0.1000000000000000055511151231257827"u8, out double longOne));
        Assert.Equal(0.1, longOne);
        Assert.False(Utf8Values.TryParseNumber("1,5"u8, out _));
        Assert.False(Utf8Values.TryParseNumber("0x10"u8, out _));
        Assert.False(Utf8Values.TryParseNumber("1e"u8, out _));
        Assert.False(Utf8Values.TryParseNumber("."u8, out _));
    }

    private static string RandomDigits(Random random)
    {
        var sb = new StringBuilder();
        int n = random.Next(2, 20);
        for (int k = 0; k < n; k++) sb.Append((char)('0' + random.Next(10)));
        return sb.ToString();
    }

    private static readonly string[] Words = ["A", "B", "x y", "Smith, J", "say \"hi\"", "two\nlines", "ünï", "", "NA", "TRUE", "F", "12", "-3.5", "1e-3", "Inf", "NaN"];

    private static string RandomCsv(Random random, out bool crlf)
    {
        crlf = random.Next(2) == 0;
        string eol = crlf ? "\r\n" : "\n";
        int columns = random.Next(1, 6);
        int rows = random.Next(1, 300);
        var columnStyle = Enumerable.Range(0, columns).Select(_ => random.Next(4)).ToArray();
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Enumerable.Range(1, columns).Select(c => c % 2 == 0 ? $"\"c{c}\"" : $"c{c}"))).Append(eol);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (c > 0) sb.Append(',');
                string value = columnStyle[c] switch
                {
                    0 => random.Next(10) == 0 ? "NA" : (random.NextDouble() * 100 - 50).ToString("R", CultureInfo.InvariantCulture),
                    1 => random.Next(6) switch { 0 => "", 1 => "TRUE", 2 => "F", 3 => "true", _ => "FALSE" },
                    2 => random.Next(50) == 0 ? "x" : random.Next(5).ToString(CultureInfo.InvariantCulture),
                    _ => Words[random.Next(Words.Length)],
                };
                bool mustQuote = value.Contains(',') || value.Contains('"') || value.Contains('\n') || (columns == 1 && value.Length == 0);
                if (mustQuote || random.Next(4) == 0) sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
                else sb.Append(value);
            }
            if (r < rows - 1 || random.Next(2) == 0) sb.Append(eol);
            if (columns > 1 && r < rows - 1 && random.Next(20) == 0) sb.Append(eol); // a blank line, skipped
        }
        return sb.ToString();
    }

    /// <summary>A plain RFC 4180 state machine over chars: the specification the fast parser is tested against.</summary>
    private static List<string[]> ReferenceParse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (inQuotes)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') inQuotes = false;
                else field.Append(ch);
            }
            else if (ch == '"') inQuotes = quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); quoted = false; }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { }
            else if (ch == '\n')
            {
                bool blankLine = fields.Count == 0 && field.Length == 0 && !quoted;
                if (!blankLine)
                {
                    fields.Add(field.ToString());
                    records.Add([.. fields]);
                }
                field.Clear();
                fields.Clear();
                quoted = false;
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || fields.Count > 0 || quoted) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }

    private static bool IsMissing(string v) => v.Trim() is "" or "NA";

    private static bool IsNumber(string v) => v.Trim() is "Inf" or "-Inf" or "NaN"
        || double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsLogical(string v) => v.Trim() is "TRUE" or "FALSE" or "T" or "F" or "true" or "false" or "True" or "False";

    private static ColumnKind ExpectedKind(List<string> values)
    {
        var present = values.Where(v => !IsMissing(v)).ToList();
        if (present.All(IsNumber)) return ColumnKind.Numeric;
        if (present.All(IsLogical)) return ColumnKind.Logical;
        return ColumnKind.Text;
    }

    private static string? Canonical(string value, ColumnKind kind)
    {
        if (IsMissing(value)) return null;
        string v = value.Trim();
        return kind switch
        {
            ColumnKind.Numeric => v == "NaN" ? null : v is "Inf" or "-Inf" ? v : RNumberFormatReference(double.Parse(v, CultureInfo.InvariantCulture)),
            ColumnKind.Logical => v is "TRUE" or "T" or "true" or "True" ? "TRUE" : "FALSE",
            _ => value,
        };
    }

    private static string RNumberFormatReference(double value) => DataColumn.FromNumbers("x", [value]).Format(0)!;
}
