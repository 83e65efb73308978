using System.Globalization;
using Evident.Data;
using Evident.Data.Xpt;
using Evident.Protocol;

namespace Evident.Analysis.Export;

/// <summary>How written data sets spell values: recoded categories, ISO or SAS dates, and the file writers by format.</summary>
internal static class TableValues
{
    /// <summary>The data value of a protocol code through the binding's recoding (the code itself when not recoded).</summary>
    public static string DataValue(ColumnBinding binding, string code) =>
        binding.Values.FirstOrDefault(v => v.Code == code)?.DataValue ?? code;

    /// <summary>The date as <c>yyyy-MM-dd</c>.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date column: SAS date numbers (XPT) or ISO text; null = missing.</summary>
    public static DataColumn Dates(string name, IReadOnlyList<DateOnly?> dates, bool sas) =>
        sas ? DataColumn.FromNumbers(name, dates.Select(d => d is { } x ? SasCalendar.FromDate(x) : double.NaN).ToArray())
            : DataColumn.FromText(name, dates.Select(d => d is { } x ? Iso(x) : null).ToArray());

    /// <summary>The file extension of a format, with the dot.</summary>
    public static string Extension(DataFileFormat format) => format switch
    {
        DataFileFormat.Csv => ".csv",
        DataFileFormat.Parquet => ".parquet",
        DataFileFormat.Xpt => ".xpt",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "expected csv, parquet or xpt."),
    };

    /// <summary>Writes a CSV or Parquet file.</summary>
    public static void Write(DataTable table, string path, DataFileFormat format)
    {
        if (format == DataFileFormat.Csv) TableWriter.WriteCsv(table, path);
        else if (format == DataFileFormat.Parquet) TableWriter.WriteParquet(table, path);
        else throw new ArgumentException($"'{path}': only CSV and Parquet are written here; XPT is for ADaM data sets.", nameof(format));
    }
}
