namespace Evident.Analysis.Input;

/// <summary>Follow-up of one participant for one endpoint, before any data cut-off is applied.</summary>
/// <param name="Start">Start of time (randomization; ADaM <c>STARTDT</c>).</param>
/// <param name="End">Date of the first event, or of censoring (last contact; ADaM <c>ADT</c>), on or after <paramref name="Start"/>.</param>
/// <param name="Component">Index in <c>TrialProtocol.Components</c> of the event that ended follow-up; −1 = censored.</param>
public sealed record EndpointOutcome(DateOnly Start, DateOnly End, int Component)
{
    /// <summary>
    /// The follow-up time in the protocol's unit when the data give times instead of dates
    /// (<c>data.simple.follow_up_time</c>; <see cref="Start"/> and <see cref="End"/> are then meaningless), else null.
    /// </summary>
    public double? Time { get; init; }

    /// <summary>True when follow-up ended with an event.</summary>
    public bool IsEvent => Component >= 0;
}
