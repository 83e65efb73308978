namespace Evident.Protocol;

/// <summary>The ADTTE event descriptions (<c>EVNTDESC</c> of rows with <c>CNSR = 0</c>) that mean one component.</summary>
/// <param name="Component">The component id.</param>
/// <param name="Descriptions">Values of <c>EVNTDESC</c>, matched exactly.</param>
public sealed record AdamEventDescriptions(string Component, IReadOnlyList<string> Descriptions);
