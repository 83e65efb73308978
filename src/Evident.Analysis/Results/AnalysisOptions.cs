namespace Evident.Analysis.Results;

/// <summary>How <see cref="TrialAnalysis.Run"/> treats the data.</summary>
public sealed record AnalysisOptions
{
    /// <summary>
    /// Data cut-off: participants randomized after it are left out, and follow-up ending after it is censored at it
    /// (an event after the cut-off is not counted). Null = the data as they are.
    /// </summary>
    public DateOnly? Cutoff { get; init; }

    /// <summary>True when the data are synthetic: every output then says so plainly.</summary>
    public bool Synthetic { get; init; }
}
