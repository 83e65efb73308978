namespace Evident.Analysis.Input;

/// <summary>A participant's death, from the protocol's death component (<c>components[].death: true</c>).</summary>
/// <param name="Date">Date of death.</param>
/// <param name="Cause">Cause of death as recorded, or null.</param>
public sealed record DeathRecord(DateOnly Date, string? Cause);
