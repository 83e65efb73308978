namespace Evident.Randomization.Capture;

/// <summary>
/// The outcome of an adverse event (as CDISC <c>AEOUT</c>). Wire names: <c>recovered</c>,
/// <c>recovered_with_sequelae</c>, <c>recovering</c>, <c>not_recovered</c>, <c>fatal</c>, <c>unknown</c>.
/// </summary>
public enum AdverseEventOutcome
{
    /// <summary>Recovered or resolved (the event has an end date).</summary>
    Recovered,

    /// <summary>Recovered or resolved with sequelae (the event has an end date).</summary>
    RecoveredWithSequelae,

    /// <summary>Recovering or resolving (ongoing: no end date).</summary>
    Recovering,

    /// <summary>Not recovered or not resolved (ongoing: no end date).</summary>
    NotRecovered,

    /// <summary>Fatal (grade 5).</summary>
    Fatal,

    /// <summary>Unknown.</summary>
    Unknown,
}
