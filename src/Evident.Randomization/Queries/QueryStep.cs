namespace Evident.Randomization.Queries;

/// <summary>One stored step of a query; steps are never updated, the last one gives the query's status.</summary>
/// <param name="Step">1 for the opening, then 2, 3, …</param>
/// <param name="Action">What was done.</param>
/// <param name="Text">The question, the answer or the closing remark (may be empty only for a close).</param>
/// <param name="By">Who.</param>
/// <param name="At">When (UTC, from the service's clock).</param>
public sealed record QueryStep(int Step, QueryAction Action, string Text, string By, DateTimeOffset At);
