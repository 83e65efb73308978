namespace Evident.Protocol;

/// <summary>Where an endpoint's time starts (YAML <c>endpoints[].origin</c>).</summary>
public enum EndpointOrigin
{
    /// <summary>The date of randomization (YAML <c>randomization</c>, the only choice today).</summary>
    Randomization,
}
