namespace Evident.Analysis.Export;

/// <summary>File format of written data sets.</summary>
public enum DataFileFormat
{
    /// <summary>Comma-separated text (<c>.csv</c>), dates as yyyy-mm-dd.</summary>
    Csv,

    /// <summary>Apache Parquet (<c>.parquet</c>), dates as yyyy-mm-dd text.</summary>
    Parquet,

    /// <summary>SAS XPORT v5 (<c>.xpt</c>), dates as SAS date numbers with format <c>DATE9.</c>.</summary>
    Xpt,
}
