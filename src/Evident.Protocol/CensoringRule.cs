namespace Evident.Protocol;

/// <summary>Where a participant without an event is censored (YAML <c>endpoints[].censor_at</c>).</summary>
public enum CensoringRule
{
    /// <summary>
    /// The date of last contact, or the data cut-off when that is earlier (YAML <c>last_contact</c>, the only choice today).
    /// </summary>
    LastContact,
}
