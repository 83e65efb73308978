namespace Evident.Data;

/// <summary>
/// Covariate patterns coded as a <see cref="ModelFrame"/>'s design codes its rows (<see cref="ModelFrame.CodePatterns"/>):
/// the design rows of a prediction (R's <c>newdata</c>), with each pattern's stratum. Immutable.
/// </summary>
public sealed class CovariatePatterns
{
    private readonly double[] covariates;
    private readonly int[] stratum;

    internal CovariatePatterns(string source, double[] covariates, int columnCount, int[] stratum, IReadOnlyList<IReadOnlyDictionary<string, string>> labels)
    {
        Source = source;
        this.covariates = covariates;
        CovariateCount = columnCount;
        this.stratum = stratum;
        Labels = labels;
    }

    /// <summary>The patterns file as the user named it.</summary>
    public string Source { get; }

    /// <summary>Number of patterns (rows of the file).</summary>
    public int Count => Labels.Count;

    /// <summary>Row-major <see cref="Count"/> × <see cref="CovariateCount"/> design, the frame's columns.</summary>
    public ReadOnlySpan<double> Covariates => covariates;

    /// <summary>The frame's number of design columns.</summary>
    public int CovariateCount { get; }

    /// <summary>The frame's stratum code of each pattern; empty when the model has no strata.</summary>
    public ReadOnlySpan<int> Stratum => stratum;

    /// <summary>Per pattern: each model variable (terms, then strata) → its value as R prints it.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Labels { get; }
}
