namespace Evident.Analysis.Oversight;

/// <summary>The baseline characteristics by arm (see <see cref="BaselineCharacteristics.Tabulate"/>).</summary>
/// <param name="Participants">Participants tabulated.</param>
/// <param name="Factors">Stratification factors, then covariates, in protocol order.</param>
public sealed record BaselineTable(int Participants, IReadOnlyList<BaselineFactor> Factors);
