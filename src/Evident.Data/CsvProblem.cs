namespace Evident.Data;

/// <summary>Structural problems the scanner can meet.</summary>
internal enum CsvProblem : byte { None, Ragged, StrayQuote, Unterminated, TextAfterQuote }
