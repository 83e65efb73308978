using Evident.Analysis.Models;
using Evident.Design.Simulation;
using Evident.Statistics.Survival;

namespace Evident.Analysis.Results;

/// <summary>
/// The analysis plan's pre-specified primary test (<c>analyses.primary.test</c>) of one arm against the control, on
/// those two arms' participants, stratified as the comparison's log-rank test is.
/// </summary>
/// <param name="Test">The test as the protocol names it.</param>
/// <param name="Status">Whether the data allowed the test, and if not, why; the numbers are NaN and the details null unless estimated.</param>
/// <param name="Statistic">
/// Log-rank and FH(ρ, γ): the chi-square (1 df) of the weighted test; MaxCombo: the largest |z|; RMST: z = difference/SE.
/// </param>
/// <param name="PValue">Two-sided p-value; MaxCombo's from the joint normal law of its statistics.</param>
/// <param name="Components">
/// Log-rank and FH: the one weighted statistic; MaxCombo: each of them. Each z is the compared arm's weighted
/// observed − expected over its standard deviation (negative: fewer events than expected on the arm). Empty for RMST.
/// </param>
/// <param name="MaxCombo">The MaxCombo test with its correlation matrix, or null for the other tests.</param>
/// <param name="Rmst">The RMST difference (arm − control) at the test's τ, or null for the other tests.</param>
public sealed record PrimaryTestResult(SimulationTest Test, EstimateStatus Status, double Statistic, double PValue,
                                       IReadOnlyList<MaxComboComponent> Components, MaxComboTest? MaxCombo,
                                       RestrictedMeanDifference? Rmst);
