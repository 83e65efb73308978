namespace Evident.Randomization.Capture;

/// <summary>
/// The ICH E2A criteria that make an adverse event serious; a serious event meets at least one. Wire names (see
/// <see cref="AdverseEventCodes"/>): <c>death</c>, <c>life_threatening</c>, <c>hospitalization</c>, <c>disability</c>,
/// <c>congenital_anomaly</c>, <c>important_medical_event</c>.
/// </summary>
[Flags]
public enum SeriousCriteria
{
    /// <summary>No criterion (a non-serious event).</summary>
    None = 0,

    /// <summary>Results in death.</summary>
    Death = 1,

    /// <summary>Is life-threatening.</summary>
    LifeThreatening = 2,

    /// <summary>Requires inpatient hospitalization or prolongation of existing hospitalization.</summary>
    Hospitalization = 4,

    /// <summary>Results in persistent or significant disability or incapacity.</summary>
    Disability = 8,

    /// <summary>Is a congenital anomaly or birth defect.</summary>
    CongenitalAnomaly = 16,

    /// <summary>Is another important medical event (medical judgement).</summary>
    ImportantMedicalEvent = 32,
}
