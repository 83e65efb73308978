namespace Evident.Randomization.Capture;

/// <summary>
/// How likely the adverse event is caused by the study treatment. Wire names: <c>unrelated</c>, <c>unlikely</c>,
/// <c>possible</c>, <c>probable</c>, <c>definite</c>.
/// </summary>
public enum Attribution
{
    /// <summary>Clearly not related.</summary>
    Unrelated,

    /// <summary>Doubtfully related.</summary>
    Unlikely,

    /// <summary>May be related.</summary>
    Possible,

    /// <summary>Likely related.</summary>
    Probable,

    /// <summary>Clearly related.</summary>
    Definite,
}
