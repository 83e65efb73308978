using Evident.Data;
using Evident.Data.Xpt;

namespace Evident.Analysis.Export;

/// <summary>
/// Writes a layout's tables as the files <c>evident analyze</c> looks for: the simple layout as
/// <c>participants.EXT</c> and <c>adverse_events.EXT</c>, ADaM as <c>adsl.EXT</c>, <c>adtte.EXT</c> and <c>adae.EXT</c>
/// (XPT members named and labelled as CDISC names them, <c>*DT</c> dates with format <c>DATE9.</c>).
/// </summary>
public static class DataSetFiles
{
    /// <summary>Writes the simple layout's two tables as CSV or Parquet.</summary>
    /// <param name="participants">The participant table.</param>
    /// <param name="adverseEvents">The adverse-event table.</param>
    /// <param name="directory">Destination directory (created).</param>
    /// <param name="format">CSV or Parquet.</param>
    /// <returns>The participant file and the adverse-event file.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is XPT.</exception>
    public static (string Participants, string AdverseEvents) WriteSimple(DataTable participants, DataTable adverseEvents, string directory, DataFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(adverseEvents);
        if (format == DataFileFormat.Xpt) throw new ArgumentException("the simple layout is written as CSV or Parquet; XPT is for ADaM.", nameof(format));
        Directory.CreateDirectory(directory);
        string ext = TableValues.Extension(format);
        string p = Path.Combine(directory, "participants" + ext), a = Path.Combine(directory, "adverse_events" + ext);
        TableValues.Write(participants, p, format);
        TableValues.Write(adverseEvents, a, format);
        return (p, a);
    }

    /// <summary>Writes ADSL, ADTTE and ADAE as CSV, Parquet or XPT.</summary>
    /// <param name="adsl">ADSL.</param>
    /// <param name="adtte">ADTTE.</param>
    /// <param name="adae">ADAE.</param>
    /// <param name="directory">Destination directory (created).</param>
    /// <param name="format">CSV, Parquet or XPT (dates must then be SAS date numbers).</param>
    /// <param name="timestamp">The creation time written in XPT headers; null = now.</param>
    /// <returns>The three files, ADSL first.</returns>
    public static IReadOnlyList<string> WriteAdam(DataTable adsl, DataTable adtte, DataTable adae, string directory, DataFileFormat format, DateTime? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(adsl);
        ArgumentNullException.ThrowIfNull(adtte);
        ArgumentNullException.ThrowIfNull(adae);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (name, table, label) in new[] { ("ADSL", adsl, "Subject-Level Analysis Dataset"), ("ADTTE", adtte, "Time-to-Event Analysis Dataset"), ("ADAE", adae, "Adverse Events Analysis Dataset") })
        {
            string path = Path.Combine(directory, name.ToLowerInvariant() + TableValues.Extension(format));
            if (format == DataFileFormat.Xpt)
            {
                var dates = table.Columns.Where(c => c.Name.EndsWith("DT", StringComparison.Ordinal) && c.Kind == ColumnKind.Numeric)
                                 .Select(c => new XportColumn(c.Name) { Format = "DATE9." }).ToArray();
                XportWriter.Write(path, [new XportDataSet(name, table) { Label = label, Columns = dates }], timestamp);
            }
            else
            {
                TableValues.Write(table, path, format);
            }
            paths.Add(path);
        }
        return paths;
    }
}
