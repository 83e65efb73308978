namespace Evident.Reporting.Tables;

/// <summary>How a command prints its result.</summary>
public enum OutputFormat
{
    /// <summary>Readable tables (the default).</summary>
    Table,
    /// <summary>JSON, with numbers that round-trip and null for NA.</summary>
    Json,
}
