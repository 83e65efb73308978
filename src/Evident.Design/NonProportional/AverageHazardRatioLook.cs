namespace Evident.Design.NonProportional;

/// <summary>
/// gsDesign2's <c>ahr()</c> row at one analysis time: the average hazard ratio, the expected events, and the
/// statistical information under the alternative and under the null. Immutable.
/// </summary>
/// <param name="Time">Calendar time of the analysis.</param>
/// <param name="AverageHazardRatio">exp(Σ_j E_j log HR_j / Σ_j E_j) over the hazard-ratio periods j (<c>ahr</c>).</param>
/// <param name="Events">Expected events in both arms (<c>event</c>).</param>
/// <param name="ControlEvents">Expected events in the control arm.</param>
/// <param name="ExperimentalEvents">Expected events in the experimental arm.</param>
/// <param name="Information">Σ_j 1/(1/E_cj + 1/E_ej), the information of log AHR under the alternative (<c>info</c>).</param>
/// <param name="NullInformation">Σ_j E_j q_c q_e, under the null (<c>info0</c>).</param>
/// <param name="EventsByPeriod">E_j, expected events in each hazard-ratio period of time since entry (both arms).</param>
public sealed record AverageHazardRatioLook(double Time, double AverageHazardRatio, double Events, double ControlEvents, double ExperimentalEvents,
                                            double Information, double NullInformation, IReadOnlyList<double> EventsByPeriod);
