namespace Evident.Data;

/// <summary>
/// A right-hand-side term of a survival formula (not <c>strata()</c> or <c>cluster()</c>, which are kept apart in
/// <see cref="SurvivalFormula"/>): a main effect (one variable) or an interaction of two or more variables
/// (<c>a:b</c>; <c>a*b</c> expands to <c>a + b + a:b</c>, as R's <c>terms()</c> does).
/// </summary>
public sealed record FormulaTerm
{
    private readonly FormulaVariable[] variables;

    /// <summary>Creates a term from its variables (one for a main effect, several for an interaction).</summary>
    /// <param name="variables">At least one variable; duplicates are not allowed.</param>
    public FormulaTerm(IReadOnlyList<FormulaVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count == 0) throw new ArgumentException("a term needs at least one variable.", nameof(variables));
        this.variables = [.. variables];
    }

    /// <summary>The variables, in the order they first appear in the formula (R's <c>terms()</c> order: <c>~ x:z + g:z</c> gives <c>z:g</c>).</summary>
    public IReadOnlyList<FormulaVariable> Variables => variables;

    /// <summary>True for an interaction term (two or more variables).</summary>
    public bool IsInteraction => variables.Length > 1;

    /// <summary>The term's name: the column names joined by ':' (<c>age</c>, <c>celltype</c>, <c>sex:age</c>).</summary>
    public string Name => string.Join(":", variables.Select(v => v.Column));

    /// <summary>Terms are equal when their variables are equal, in order.</summary>
    /// <param name="other">The other term.</param>
    public bool Equals(FormulaTerm? other) => other is not null && variables.AsSpan().SequenceEqual(other.variables);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in variables) hash.Add(v);
        return hash.ToHashCode();
    }

    /// <summary>The term as R would print it: <c>factor(x):age</c>.</summary>
    public override string ToString() => string.Join(":", variables.Select(v => v.ToString()));
}
