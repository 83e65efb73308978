using ScottPlot;

namespace Evident.Reporting.Figures;

/// <summary>A row of the table under a survival figure: left label, colour, one text per break, emphasis.</summary>
internal sealed record RiskTableRow(string Label, Color Color, IReadOnlyList<string> Cells, bool Bold = false, bool Indent = false);
