namespace Evident.Protocol;

/// <summary>
/// When and why a trial was stopped early (YAML <c>summary.stopped</c>), for the clinician summary's design paragraph:
/// "stopped on DATE by BY: REASON".
/// </summary>
/// <param name="Date">Date of the decision (ISO 8601, <c>summary.stopped.date</c>).</param>
/// <param name="By">Who stopped it, e.g. "the data and safety monitoring board" (<c>summary.stopped.by</c>).</param>
/// <param name="Reason">Why, e.g. "the efficacy boundary was crossed at the first interim analysis" (<c>summary.stopped.reason</c>), or null.</param>
public sealed record EarlyStop(DateOnly Date, string By, string? Reason);
