namespace Evident.Protocol;

/// <summary>The ADTTE parameter (<c>PARAMCD</c>) that holds one endpoint.</summary>
/// <param name="Endpoint">The endpoint id.</param>
/// <param name="ParamCode">Its <c>PARAMCD</c>, e.g. <c>DFS</c>.</param>
public sealed record AdamParameter(string Endpoint, string ParamCode);
