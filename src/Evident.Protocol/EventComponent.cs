namespace Evident.Protocol;

/// <summary>
/// An event that can end follow-up for an endpoint (YAML <c>components[]</c>), e.g. isolated bone-marrow relapse, death,
/// second malignancy. Endpoints are built from components; the data mapping says which columns record each.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>marrow_relapse</c>.</param>
/// <param name="Label">Label for tables; defaults to the id.</param>
public sealed record EventComponent(string Id, string Label)
{
    /// <summary>Whether the component is death (YAML <c>death: true</c>; at most one): overall survival and the deaths listing read it.</summary>
    public bool IsDeath { get; init; }
}
