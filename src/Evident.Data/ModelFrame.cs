using System.Collections.ObjectModel;

namespace Evident.Data;

/// <summary>
/// The arrays a survival kernel needs, built from a <see cref="DataTable"/> and a <see cref="SurvivalFormula"/>:
/// time, event indicator, design matrix, groups, strata and clusters, over the rows without a missing value in any
/// formula variable. Rows keep their file order (kernels sort). Immutable.
/// </summary>
/// <remarks>
/// R equivalent: <c>model.frame(formula, data, na.action = na.omit)</c> followed by <c>model.matrix</c> without the
/// intercept column (as <c>coxph</c> does), with <c>survfit</c>/<c>survdiff</c>'s grouping by every combination of the
/// non-strata terms. Factor levels follow R's <c>factor()</c>: numbers sorted numerically, text in C-locale order
/// (veteran's celltype: adeno, large, smallcell, squamous); the first level is the reference unless
/// <see cref="ModelFrameOptions.References"/> names another. Status follows <c>Surv()</c>: 0/1, 1/2 (2 = event) or
/// TRUE/FALSE.
/// </remarks>
public sealed class ModelFrame
{
    private readonly double[] time;
    private readonly double[] entry;
    private readonly bool[] events;
    private readonly Lazy<int[]> statusCodes;
    private readonly double[] covariates;
    private readonly Lazy<(int[] Codes, ReadOnlyCollection<IReadOnlyDictionary<string, string>> Labels)> groups;
    private readonly int[] stratum;
    private readonly int[] cluster;
    private readonly Lazy<int[]> sourceRows;
    private readonly ModelFrameBuilder builder;

    private ModelFrame(ModelFrameBuilder b, ModelFrameOptions options)
    {
        Source = b.Source;
        Formula = b.Formula;
        time = b.Time;
        entry = b.Entry;
        events = b.Events;
        statusCodes = new Lazy<int[]>(() => b.CauseCodes ?? Array.ConvertAll(b.Events, e => e ? 1 : 0));
        EventCount = b.EventCount;
        DroppedRows = b.DroppedRows;
        ExcludedByLandmark = b.ExcludedByLandmark;
        Landmark = options.Landmark;
        covariates = b.Covariates;
        CovariateCount = b.DesignColumns.Count;
        DesignColumns = b.DesignColumns.AsReadOnly();
        TermNames = b.TermNames.AsReadOnly();
        groups = new Lazy<(int[], ReadOnlyCollection<IReadOnlyDictionary<string, string>>)>(b.BuildGroups);
        stratum = b.Stratum;
        StratumLabels = b.StratumLabels.AsReadOnly();
        StratumNames = b.StratumNames.AsReadOnly();
        cluster = b.Cluster;
        ClusterCount = b.ClusterCount;
        sourceRows = new Lazy<int[]>(b.BuildSourceRows);
        builder = b;
    }

    /// <summary>
    /// Builds the model frame: drops rows with a missing value in any formula variable (R's <c>na.omit</c>), checks and
    /// codes time and status, dummy-codes factors, and codes groups, strata and clusters.
    /// </summary>
    /// <param name="table">The data.</param>
    /// <param name="formula">The formula; every column it names must exist in <paramref name="table"/>.</param>
    /// <param name="options">Reference levels and status coding; null for the defaults.</param>
    /// <exception cref="DataInputException">
    /// A missing column; a time that is not a finite non-negative number; a counting-process start time that is not
    /// below its stop time; a status outside 0/1, 1/2, TRUE/FALSE
    /// (or, with <see cref="ModelFrameOptions.StatusIsCause"/>, not a non-negative whole number); no events; a factor
    /// with a single level; an unknown reference level; no complete rows. Messages name the file, the 1-based data row,
    /// the column and the value.
    /// </exception>
    /// <exception cref="FormulaException">A counting-process formula without <see cref="ModelFrameOptions.AllowCountingProcess"/>.</exception>
    public static ModelFrame Build(DataTable table, SurvivalFormula formula, ModelFrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(formula);
        options ??= new ModelFrameOptions();
        if (formula.IsCountingProcess && !options.AllowCountingProcess)
        {
            throw new FormulaException(
                $"this analysis takes right-censored data, Surv(time, status); counting-process data Surv({formula.EntryColumn}, {formula.TimeColumn}, {formula.StatusColumn}) are accepted by cox, zph and km.",
                formula.Text, 1, "Surv(time, status)");
        }
        if (options.Landmark is { } landmark && !double.IsFinite(landmark))
            throw new ArgumentOutOfRangeException(nameof(options), landmark, "The landmark time must be finite.");
        return new ModelFrame(new ModelFrameBuilder(table, formula, options), options);
    }

    /// <summary>The data file as the user named it.</summary>
    public string Source { get; }

    /// <summary>The formula the frame was built from.</summary>
    public SurvivalFormula Formula { get; }

    /// <summary>Rows used (after dropping rows with missing values).</summary>
    public int RowCount => time.Length;

    /// <summary>Rows dropped for a missing value in any formula variable (R's <c>na.omit</c>; R prints "N observations deleted due to missingness").</summary>
    public int DroppedRows { get; }

    /// <summary>The landmark time (<see cref="ModelFrameOptions.Landmark"/>), or null: times are then measured from it.</summary>
    public double? Landmark { get; }

    /// <summary>Complete rows left out because their follow-up ended at or before the landmark; 0 without one.</summary>
    public int ExcludedByLandmark { get; }

    /// <summary>1-based data-row number in the file of each used row (for messages and per-subject output).</summary>
    public ReadOnlySpan<int> SourceRows => sourceRows.Value;

    /// <summary>Follow-up time per used row: finite, ≥ 0 (the stop time of counting-process data, finite, any sign).</summary>
    public ReadOnlySpan<double> Time => time;

    /// <summary>
    /// Entry (start) time per used row for counting-process data <c>Surv(start, stop, event)</c>: the row is at risk
    /// on (<c>Entry[i]</c>, <c>Time[i]</c>], with <c>Entry[i] &lt; Time[i]</c>. Empty for right-censored data.
    /// </summary>
    public ReadOnlySpan<double> Entry => entry;

    /// <summary>True when the formula is <c>Surv(start, stop, event)</c>.</summary>
    public bool IsCountingProcess => entry.Length != 0;

    /// <summary>True when the row's follow-up ended in an event (any cause when <see cref="ModelFrameOptions.StatusIsCause"/>).</summary>
    public ReadOnlySpan<bool> Event => events;

    /// <summary>Status as a code: 0 = censored, k ≥ 1 = event of cause k (1 for every event unless <see cref="ModelFrameOptions.StatusIsCause"/>; 1/2 coding is mapped to 0/1).</summary>
    public ReadOnlySpan<int> StatusCodes => statusCodes.Value;

    /// <summary>Number of rows with an event.</summary>
    public int EventCount { get; }

    /// <summary>
    /// The design matrix, row-major <see cref="RowCount"/> × <see cref="CovariateCount"/>, no intercept column; a factor
    /// is dummy-coded against its reference level, or by indicators of all its levels in an interaction whose other
    /// variables do not all appear in one earlier term (<c>~ factor(k):z</c> without <c>z</c>), as R's
    /// <c>model.matrix</c> does.
    /// </summary>
    public ReadOnlySpan<double> Covariates => covariates;

    /// <summary>Number of design columns (p).</summary>
    public int CovariateCount { get; }

    /// <summary>Description of each design column, in R's column order (main effects in formula order, then interactions).</summary>
    public IReadOnlyList<DesignColumn> DesignColumns { get; }

    /// <summary>One name per formula term (not strata or cluster): <c>age</c>, <c>celltype</c>, <c>sex:age</c>; per-term tests use these (e.g. <c>cox.zph</c> with df = levels − 1).</summary>
    public IReadOnlyList<string> TermNames { get; }

    /// <summary>
    /// Group code per row (0 … <see cref="GroupCount"/> − 1) for Kaplan–Meier and log-rank: every observed combination
    /// of the non-strata terms' values, in R's order (sorted by the first term's level, then the second's, …).
    /// All 0 when the formula has no terms.
    /// </summary>
    /// <remarks>Computed on first use (a Cox model with continuous covariates never needs it).</remarks>
    public ReadOnlySpan<int> Group => groups.Value.Codes;

    /// <summary>Number of groups (≥ 1).</summary>
    public int GroupCount => GroupLabels.Count;

    /// <summary>Per group: column → value as R prints it (e.g. <c>{"sex": "1"}</c>); an empty dictionary for <c>~ 1</c>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> GroupLabels => groups.Value.Labels;

    /// <summary>Stratum code per row from the <c>strata()</c> terms (every observed combination, R's order); all 0 without strata.</summary>
    public ReadOnlySpan<int> Stratum => stratum;

    /// <summary>Number of strata (≥ 1).</summary>
    public int StratumCount => StratumLabels.Count;

    /// <summary>Per stratum: column → value; an empty dictionary when there are no strata.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> StratumLabels { get; }

    /// <summary>
    /// Per stratum: its name as R's <c>strata()</c> gives it — the values alone (<c>adeno</c>) when every strata column
    /// is text, else <c>col=value</c> (<c>sex=1</c>); several columns joined by ", ". An empty string without strata.
    /// </summary>
    public IReadOnlyList<string> StratumNames { get; }

    /// <summary>Cluster code per row (0 … <see cref="ClusterCount"/> − 1, in sorted order of the cluster values); empty when the formula has no <c>cluster()</c>.</summary>
    public ReadOnlySpan<int> Cluster => cluster;

    /// <summary>Number of distinct clusters; 0 without <c>cluster()</c>.</summary>
    public int ClusterCount { get; }

    /// <summary>
    /// Codes covariate patterns (one per row of <paramref name="patterns"/>) as this frame's design matrix codes its rows:
    /// the same columns, factor levels and reference levels, and each pattern's stratum — R's
    /// <c>model.matrix(terms, newdata, xlev = fit$xlevels)</c> as <c>survfit.coxph</c> builds it.
    /// </summary>
    /// <param name="patterns">The patterns: a column per variable of the formula's terms and strata (time, status and cluster are not needed).</param>
    /// <exception cref="DataInputException">
    /// A variable or strata column is absent; a value is missing, not a number where the model has a number, or a level
    /// the model has not seen; a combination of strata values that is not a stratum of the model. Messages name the
    /// file, the row, the column, the value and what was expected.
    /// </exception>
    public CovariatePatterns CodePatterns(DataTable patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return PatternCoder.Code(builder, patterns, StratumLabels);
    }

    /// <summary>
    /// The values of a variable of the formula's terms, as levels (R's <c>levels(factor(x))</c>, after
    /// <see cref="ModelFrameOptions.References"/>): the values that direct standardisation sets it to.
    /// </summary>
    /// <param name="column">A variable of the formula's terms.</param>
    /// <exception cref="ArgumentException">The column is not a variable of the terms.</exception>
    public IReadOnlyList<string> LevelsOf(string column)
    {
        CheckTermVariable(column);
        return Array.AsReadOnly(builder.LevelsOf(column).Labels);
    }

    /// <summary>
    /// The frame's own rows as covariate patterns with <paramref name="column"/> set to <paramref name="level"/> for
    /// every row (R: <c>newdata = transform(data, column = level)</c>): the sample a direct standardisation averages over.
    /// </summary>
    /// <param name="column">A variable of the formula's terms.</param>
    /// <param name="level">One of <see cref="LevelsOf"/>.</param>
    /// <exception cref="ArgumentException">The column is not a variable of the terms, or the level not one of its levels.</exception>
    public CovariatePatterns RowsWith(string column, string level)
    {
        CheckTermVariable(column);
        if (!LevelsOf(column).Contains(level)) throw new ArgumentException($"'{level}' is not a level of '{column}'.", nameof(level));
        return PatternCoder.CodeRowsWith(builder, column, level, StratumLabels);
    }

    private void CheckTermVariable(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!Formula.Terms.Any(t => t.Variables.Any(v => v.Column == column)))
            throw new ArgumentException($"'{column}' is not a variable of the terms of '{Formula.Text}'.", nameof(column));
    }
}
