using System.Text.Json;
using Spectre.Console;

namespace Evident.Reporting.Tables;

/// <summary>
/// The presentation of one analysis result: it reads result records and formats them, computing nothing statistical.
/// </summary>
public interface IReport
{
    /// <summary>Writes the machine-readable form (the JSON contract of the reference cases).</summary>
    void WriteJson(Utf8JsonWriter json);

    /// <summary>Writes the human-readable form, in the manner of R's <c>print</c>/<c>summary</c>.</summary>
    void WriteTable(IAnsiConsole console);

    /// <summary>Soft problems the user must see (printed to standard error and included in JSON as <c>warnings</c>).</summary>
    IReadOnlyList<string> Warnings => [];
}
