namespace Evident.Data;

/// <summary>
/// A survival formula that cannot be parsed, with the 1-based character position and what was expected there,
/// e.g. <c>expected ')' after 'strata(risk' at column 27</c>. R equivalent: the error from <c>as.formula()</c>
/// or from <c>coxph()</c> meeting an unsupported special.
/// </summary>
public sealed class FormulaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The complete message.</param>
    /// <param name="formula">The formula text.</param>
    /// <param name="position">1-based character position of the problem.</param>
    /// <param name="expected">What would have been accepted there.</param>
    public FormulaException(string message, string formula, int position, string expected)
        : base(message)
    {
        Formula = formula;
        Position = position;
        Expected = expected;
    }

    /// <summary>The formula as given.</summary>
    public string Formula { get; }

    /// <summary>1-based character position (column) of the problem in <see cref="Formula"/>.</summary>
    public int Position { get; }

    /// <summary>What the parser expected at <see cref="Position"/>.</summary>
    public string Expected { get; }
}
