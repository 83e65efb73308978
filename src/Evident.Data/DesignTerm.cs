namespace Evident.Data;

/// <summary>
/// A formula term with its variables resolved over the model frame's rows, the input of <see cref="DesignMatrix"/>:
/// per variable exactly one of <see cref="Factors"/> (a factor's levels and codes) and <see cref="Numbers"/> (a
/// numeric variable's finite values) is set.
/// </summary>
/// <param name="Term">The term.</param>
/// <param name="Factors">Per variable of the term: its levels when it enters as a factor, else null.</param>
/// <param name="Numbers">Per variable of the term: its values when it enters as a number, else null.</param>
internal sealed record DesignTerm(FormulaTerm Term, FactorLevels?[] Factors, double[]?[] Numbers);
