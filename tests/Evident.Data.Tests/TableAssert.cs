namespace Evident.Data.Tests;

internal static class TableAssert
{
    /// <summary>Same columns, kinds, and values (numbers bit for bit, text by value and dictionary order).</summary>
    public static void Equal(DataTable expected, DataTable actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        for (int c = 0; c < expected.Columns.Count; c++)
        {
            var e = expected.Columns[c];
            var a = actual.Columns[c];
            Assert.Equal(e.Kind, a.Kind);
            if (e.Kind == ColumnKind.Text)
            {
                Assert.Equal(e.Dictionary, a.Dictionary);
                Assert.Equal(e.Codes.ToArray(), a.Codes.ToArray());
            }
            else
            {
                for (int r = 0; r < e.Length; r++)
                    Assert.True(e.Numbers[r].Equals(a.Numbers[r]), $"column {e.Name}, row {r}: {e.Numbers[r]:R} vs {a.Numbers[r]:R}");
            }
        }
    }
}
