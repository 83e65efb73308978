namespace Evident.Statistics.CompetingRisks;

/// <summary>
/// Gray's (1988) K-sample test that the cumulative incidence of one cause is the same in every group
/// (R: one row of <c>cmprsk::cuminc(...)$Tests</c>).
/// </summary>
/// <param name="Cause">The cause code k tested.</param>
/// <param name="Test">
/// The statistic sᵀ V⁻¹ s on (groups − 1) degrees of freedom, s the weighted score of the first K − 1 groups summed over
/// strata and V its variance. When V is singular R reports −1; here the statistic and p-value are NaN.
/// </param>
/// <param name="Scores">The scores s of the first K − 1 groups (R: the first result of the Fortran routine <c>crstm</c>).</param>
public sealed record GrayTest(int Cause, ChiSquareTest Test, IReadOnlyList<double> Scores);
