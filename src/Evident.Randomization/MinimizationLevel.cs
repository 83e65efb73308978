namespace Evident.Randomization;

/// <summary>
/// One minimization factor with the new participant's level of it: the marginal counts minimization balances are those
/// of the participants already allocated with this level (see <see cref="RandomizationService.MinimizationLevels"/>).
/// </summary>
/// <param name="Factor">A stratification factor id, or <c>site</c>.</param>
/// <param name="Level">The participant's level of that factor (for <c>site</c>, the site id).</param>
public sealed record MinimizationLevel(string Factor, string Level);
