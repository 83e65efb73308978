namespace Evident.Data;

/// <summary>What a scan did: records read, where it stopped, and the first structural problem if any.</summary>
internal readonly record struct CsvScanResult(int Records, int EndPosition, CsvProblem Problem, int ProblemRecord, int ProblemField);
