namespace Evident.Trials.Protocol;

/// <summary>
/// Which columns feed each concept (YAML <c>data:</c>), for the simple patient-level layout, for ADaM, or for both (then
/// the two layouts of the same trial must give identical results).
/// </summary>
/// <param name="Simple">The simple layout, or null.</param>
/// <param name="Adam">The ADaM layout, or null. At least one of the two is given.</param>
public sealed record DataMapping(SimpleLayoutMapping? Simple, AdamMapping? Adam);
