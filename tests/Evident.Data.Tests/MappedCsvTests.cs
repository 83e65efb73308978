using System.Globalization;
using System.Text;

namespace Evident.Data.Tests;

/// <summary>
/// Files of 1 MB or more are memory-mapped instead of copied; the result must equal parsing the same bytes from memory,
/// with and without a final line break, and a model frame built on it (which then shares the column arrays) must
/// carry the same values.
/// </summary>
public class MappedCsvTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MappedFileEqualsInMemoryParse(bool finalLineBreak)
    {
        var text = new StringBuilder("id,time,status,x,group\n");
        var random = new Random(7);
        int rows = 40_000;
        for (int i = 0; i < rows; i++)
        {
            string x = i % 997 == 0 ? "NA" : (random.NextDouble() * 100 - 50).ToString("R", CultureInfo.InvariantCulture);
            string group = i % 3 == 0 ? "\"a, quoted\"" : i % 3 == 1 ? "b" : "";
            text.Append(CultureInfo.InvariantCulture, $"{i},{random.Next(1, 5000) / 7.0:R},{i % 2},{x},{group}");
            if (finalLineBreak || i < rows - 1) text.Append(i % 5 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.True(bytes.Length >= 1 << 20);
        string path = Path.Combine(Path.GetTempPath(), $"evident-mapped-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        try
        {
            var mapped = TableReader.Read(path);
            var copied = TableReader.ParseCsv(bytes, path);
            Assert.Equal(rows, mapped.RowCount);
            Assert.Equal(copied.Columns.Count, mapped.Columns.Count);
            for (int c = 0; c < copied.Columns.Count; c++)
            {
                var want = copied.Columns[c];
                var got = mapped.Columns[c];
                Assert.Equal(want.Name, got.Name);
                Assert.Equal(want.Kind, got.Kind);
                Assert.Equal(want.Length, got.Length);
                Assert.Equal(want.Numbers.ToArray(), got.Numbers.ToArray());
                Assert.Equal(want.Codes.ToArray(), got.Codes.ToArray());
                Assert.Equal(want.Dictionary, got.Dictionary);
            }

            var frame = ModelFrame.Build(mapped, SurvivalFormula.Parse("Surv(time, status) ~ x"));
            var time = mapped["time"].Numbers;
            var x = mapped["x"].Numbers;
            Assert.Equal(rows - (rows + 996) / 997, frame.RowCount);   // rows with x = NA are dropped
            for (int i = 0, r = 0; r < rows; r++)
            {
                if (double.IsNaN(x[r])) continue;
                Assert.Equal(time[r], frame.Time[i]);
                Assert.Equal(x[r], frame.Covariates[i]);
                i++;
            }

            var complete = ModelFrame.Build(mapped, SurvivalFormula.Parse("Surv(time, status) ~ id"));
            Assert.Equal(rows, complete.RowCount);
            Assert.Equal(time.ToArray(), complete.Time.ToArray());
            Assert.Equal(mapped["id"].Numbers.ToArray(), complete.Covariates.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
