namespace Evident.Protocol;

/// <summary>How one arm id or level is written in a data column, e.g. arm <c>blinatumomab</c> ↔ <c>"Chemo + Blina"</c>.</summary>
/// <param name="Code">The protocol's arm id or level.</param>
/// <param name="DataValue">The text found in the data.</param>
public sealed record ValueCode(string Code, string DataValue);
