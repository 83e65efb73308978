using Evident.Statistics.CompetingRisks;

namespace Evident.Analysis.Results;

/// <summary>
/// One experimental arm against the control for one cause: Gray's (1988) test on those two arms' participants only,
/// as <c>cmprsk::cuminc(ftime, fstatus, group)</c> on the subset gives it (one degree of freedom). With three or more
/// arms this, not the test across all arms, is the test of that comparison.
/// </summary>
/// <param name="ArmId">The experimental arm.</param>
/// <param name="ControlId">The control arm.</param>
/// <param name="GrayTest">The two-arm test, or null when it was not asked for, the cause has no event in the two arms, or either arm is empty.</param>
public sealed record CauseComparison(string ArmId, string ControlId, GrayTest? GrayTest);
