namespace Evident.Design;

/// <summary>
/// Events, subjects and timing of a survival trial (rpact <c>getSampleSizeSurvival</c>, Schoenfeld 1981/1983). All
/// counts are expectations under the exponential model and are not rounded. Immutable.
/// </summary>
/// <param name="Design">The group-sequential design the numbers are based on.</param>
/// <param name="EventsFixed">Events of the fixed (single-look) design, (z<sub>1−α/s</sub> + z<sub>1−β</sub>)²(1 + r)²/(r·log²HR) (rpact <c>eventsFixed</c>).</param>
/// <param name="MaxEvents">Events at the final look, EventsFixed × inflation factor (rpact <c>maxNumberOfEvents</c>).</param>
/// <param name="MaxSubjects">Subjects to enrol so that MaxEvents are expected at AccrualTime + FollowUpTime (rpact <c>maxNumberOfSubjects</c>).</param>
/// <param name="AccrualIntensity">Subjects per time unit, MaxSubjects / AccrualTime (rpact <c>accrualIntensity</c>).</param>
/// <param name="ControlHazard">λ<sub>2</sub>, the control hazard used.</param>
/// <param name="TreatmentHazard">λ<sub>1</sub> = HR·λ<sub>2</sub>.</param>
/// <param name="EventsPerLook">Cumulative events planned at each look, t<sub>k</sub> × MaxEvents (rpact <c>cumulativeEventsPerStage</c>).</param>
/// <param name="AnalysisTimes">Calendar time from the first enrolment at which the expected events reach each look's count (rpact <c>analysisTime</c>).</param>
/// <param name="SubjectsPerLook">Subjects enrolled by each analysis time (rpact <c>numberOfSubjects</c>).</param>
/// <param name="ExpectedEventsH0">Expected events at stopping under H0 (rpact <c>expectedEventsH0</c>).</param>
/// <param name="ExpectedEventsH1">Expected events at stopping under H1 (rpact <c>expectedEventsH1</c>).</param>
/// <param name="ExpectedSubjectsH1">Expected subjects enrolled at stopping under H1 (rpact <c>expectedNumberOfSubjectsH1</c>).</param>
/// <param name="StudyDuration">AccrualTime + FollowUpTime, the time of the final look.</param>
/// <param name="ExpectedStudyDurationH1">Expected time of stopping under H1 (rpact <c>expectedStudyDurationH1</c>).</param>
public sealed record SurvivalSampleSizeResult(
    GroupSequentialDesign Design,
    double EventsFixed,
    double MaxEvents,
    double MaxSubjects,
    double AccrualIntensity,
    double ControlHazard,
    double TreatmentHazard,
    IReadOnlyList<double> EventsPerLook,
    IReadOnlyList<double> AnalysisTimes,
    IReadOnlyList<double> SubjectsPerLook,
    double ExpectedEventsH0,
    double ExpectedEventsH1,
    double ExpectedSubjectsH1,
    double StudyDuration,
    double ExpectedStudyDurationH1);
