namespace Evident.Protocol;

/// <summary>The two shapes of endpoint a protocol can define.</summary>
public enum EndpointKind
{
    /// <summary>
    /// Time to the first of several components (a composite such as disease-free survival), analysed with Kaplan–Meier,
    /// log-rank and Cox; YAML <c>events:</c>.
    /// </summary>
    FirstEvent,

    /// <summary>
    /// Time to the first event with its cause (competing risks), analysed with cumulative incidence (Aalen–Johansen) and
    /// Gray's (1988) test; YAML <c>causes:</c>.
    /// </summary>
    CompetingRisks,
}
