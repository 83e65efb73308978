namespace Evident.Protocol;

/// <summary>Where a participant without an event is censored (YAML <c>endpoints[].censor_at</c>).</summary>
public enum CensoringRule
{
    /// <summary>The date of last contact, or the data cut-off when that is earlier (YAML <c>last_contact</c>, the default).</summary>
    LastContact,

    /// <summary>
    /// As <see cref="LastContact"/>, but a participant who withdrew consent without allowing further follow-up (the
    /// withdrawal's follow-up-allowed value is not yes) is censored at the withdrawal date when that is earlier, and
    /// events dated after it are not counted (YAML <c>withdrawal</c>).
    /// </summary>
    Withdrawal,
}
