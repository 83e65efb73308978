namespace Evident.Randomization.Capture;

/// <summary>
/// What was done with the study treatment because of the adverse event (as CDISC <c>AEACN</c>). Wire names:
/// <c>none</c>, <c>dose_reduced</c>, <c>interrupted</c>, <c>discontinued</c>, <c>not_applicable</c>, <c>unknown</c>.
/// </summary>
public enum ActionTaken
{
    /// <summary>Dose not changed.</summary>
    None,

    /// <summary>Dose reduced.</summary>
    DoseReduced,

    /// <summary>Treatment interrupted or delayed.</summary>
    Interrupted,

    /// <summary>Treatment permanently discontinued.</summary>
    Discontinued,

    /// <summary>Not applicable (e.g. the participant was off treatment).</summary>
    NotApplicable,

    /// <summary>Unknown.</summary>
    Unknown,
}
