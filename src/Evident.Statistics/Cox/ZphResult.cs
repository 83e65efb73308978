namespace Evident.Statistics.Cox;

/// <summary>
/// The Grambsch–Therneau (1994) score tests of proportional hazards, one per model term plus the global test
/// (R: <c>cox.zph(fit)$table</c>, rows in term order with <c>GLOBAL</c> last).
/// </summary>
/// <param name="Transform">The time transform used.</param>
/// <param name="Terms">
/// One test per term, in term order; a multi-column term (a factor) has one test with
/// df = number of its non-aliased columns. A term whose columns are all aliased has a NaN statistic, df 0.
/// </param>
/// <param name="Global">The joint test over all non-aliased columns, df = their number.</param>
public sealed record ZphResult(ZphTransform Transform, IReadOnlyList<ChiSquareTest> Terms, ChiSquareTest Global);
