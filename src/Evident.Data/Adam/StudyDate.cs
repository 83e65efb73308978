using System.Globalization;
using Evident.Data.Xpt;

namespace Evident.Data.Adam;

/// <summary>
/// Reads calendar dates from a <see cref="DataColumn"/>: ISO 8601 text (<c>2019-06-03</c>, as CSV and Parquet files hold
/// them; a time part after <c>T</c> is ignored) or SAS date numbers (days since 1 January 1960, as ADaM <c>*DT</c>
/// variables in SAS XPORT files hold them, <see cref="SasCalendar"/>). R equivalent: <c>as.Date(x)</c> or
/// <c>as.Date(x, origin = "1960-01-01")</c>.
/// </summary>
public static class StudyDate
{
    /// <summary>The date in <paramref name="row"/>, or null when the cell is missing.</summary>
    /// <param name="table">The table (its <see cref="DataTable.Source"/> names the file in messages).</param>
    /// <param name="column">A column of <paramref name="table"/>.</param>
    /// <param name="row">0-based row; messages give it 1-based.</param>
    /// <exception cref="DataInputException">The value is not a date: "FILE, row R, column 'C': value 'V' is not a date; …".</exception>
    public static DateOnly? At(DataTable table, DataColumn column, int row)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        if (column.IsMissing(row)) return null;
        if (column.Kind == ColumnKind.Numeric)
        {
            double days = column.Numbers[row];
            if (days == Math.Floor(days) && Math.Abs(days) < 3_000_000 && SasCalendar.ToDate(days) is { } sas) return sas;
        }
        else if (column.Kind == ColumnKind.Text)
        {
            string text = column.Format(row)!.Trim();
            int t = text.IndexOf('T');
            if (t > 0) text = text[..t];
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        }
        throw DataInputException.BadValue(table.Source, row + 1, column.Name, column.Format(row), "is not a date",
                                          "write dates as yyyy-mm-dd (or SAS date numbers in .xpt files)");
    }
}
