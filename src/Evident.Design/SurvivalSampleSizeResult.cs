namespace Evident.Design;

/// <summary>
/// Events, subjects and timing of a survival trial (rpact <c>getSampleSizeSurvival</c>, Schoenfeld 1981/1983). All
/// counts are expectations under the (piecewise-)exponential model and are not rounded. Immutable.
/// </summary>
/// <param name="Design">The group-sequential design the numbers are based on.</param>
/// <param name="EventsFixed">Events of the fixed (single-look) design, (z<sub>1−α/s</sub> + z<sub>1−β</sub>)²(1 + r)²/(r·log²HR) (rpact <c>eventsFixed</c>).</param>
/// <param name="MaxEvents">Events at the final look, EventsFixed × inflation factor (rpact <c>maxNumberOfEvents</c>).</param>
/// <param name="MaxSubjects">Subjects to enrol (rpact <c>maxNumberOfSubjects</c>).</param>
/// <param name="AccrualTimes">Starts of the accrual pieces and, last, the end of accrual (rpact <c>accrualTime</c> after the computation).</param>
/// <param name="AccrualIntensities">Subjects per time unit in each accrual piece (rpact <c>accrualIntensity</c>, absolute).</param>
/// <param name="FollowUpTime">Time from the end of accrual to the final look (rpact <c>followUpTime</c>), given or computed.</param>
/// <param name="PiecewiseSurvivalTimes">Starts of the hazard pieces, 0 first (one value for exponential survival).</param>
/// <param name="ControlHazards">λ<sub>2</sub> in each hazard piece.</param>
/// <param name="TreatmentHazards">λ<sub>1</sub> = HR·λ<sub>2</sub> in each hazard piece.</param>
/// <param name="EventsPerLook">Cumulative events planned at each look, t<sub>k</sub> × MaxEvents (rpact <c>cumulativeEventsPerStage</c>).</param>
/// <param name="AnalysisTimes">Calendar time from the first enrolment at which the expected events reach each look's count (rpact <c>analysisTime</c>).</param>
/// <param name="SubjectsPerLook">Subjects enrolled by each analysis time (rpact <c>numberOfSubjects</c>).</param>
/// <param name="ExpectedEventsH0">Expected events at stopping under H0 (rpact <c>expectedEventsH0</c>).</param>
/// <param name="ExpectedEventsH1">Expected events at stopping under H1 (rpact <c>expectedEventsH1</c>).</param>
/// <param name="ExpectedSubjectsH1">Expected subjects enrolled at stopping under H1 (rpact <c>expectedNumberOfSubjectsH1</c>).</param>
/// <param name="StudyDuration">The time of the final look, end of accrual + follow-up (rpact <c>maxStudyDuration</c>).</param>
/// <param name="ExpectedStudyDurationH1">Expected time of stopping under H1 (rpact <c>studyDuration</c>).</param>
public sealed record SurvivalSampleSizeResult(
    GroupSequentialDesign Design,
    double EventsFixed,
    double MaxEvents,
    double MaxSubjects,
    IReadOnlyList<double> AccrualTimes,
    IReadOnlyList<double> AccrualIntensities,
    double FollowUpTime,
    IReadOnlyList<double> PiecewiseSurvivalTimes,
    IReadOnlyList<double> ControlHazards,
    IReadOnlyList<double> TreatmentHazards,
    IReadOnlyList<double> EventsPerLook,
    IReadOnlyList<double> AnalysisTimes,
    IReadOnlyList<double> SubjectsPerLook,
    double ExpectedEventsH0,
    double ExpectedEventsH1,
    double ExpectedSubjectsH1,
    double StudyDuration,
    double ExpectedStudyDurationH1)
{
    /// <summary>
    /// A stratified design's strata with their subjects and expected events per look; null for an unstratified design.
    /// </summary>
    public IReadOnlyList<StratumSampleSize>? Strata { get; init; }

    /// <summary>
    /// The hazard ratio the stratified log-rank test sees at each look, exp(Σ<sub>s</sub> D<sub>s</sub> log HR<sub>s</sub> /
    /// Σ<sub>s</sub> D<sub>s</sub>) with D<sub>s</sub> the stratum's expected events by the look (Schoenfeld 1981); the
    /// hazard ratio itself at every look for an unstratified design.
    /// </summary>
    public IReadOnlyList<double> EffectiveHazardRatios { get; init; } = [];

    /// <summary>
    /// Power of the design under the alternative from the stratified log-rank test's asymptotics, with each look's own
    /// drift √(r)/(1 + r)·|Σ<sub>s</sub> D<sub>s</sub> log HR<sub>s</sub>|/√D; 1 − β for an unstratified design.
    /// </summary>
    public double Power { get; init; }
}
