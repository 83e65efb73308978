using System.Collections.ObjectModel;

namespace Evident.Data;

/// <summary>
/// Builds a <see cref="ModelFrame"/>: drops incomplete rows, checks and codes time and status, resolves each term's
/// variables (factor levels or checked numbers) for <see cref="DesignMatrix"/>, and codes strata and clusters. Its
/// properties become the frame; it stays alive behind the frame's lazy groups, which reuse its factor levels.
/// </summary>
internal sealed class ModelFrameBuilder
{
    private readonly DataTable table;
    private readonly ModelFrameOptions options;
    private readonly int[] rows;
    private readonly Dictionary<string, FactorLevels> levels = new(StringComparer.Ordinal);

    public ModelFrameBuilder(DataTable table, SurvivalFormula formula, ModelFrameOptions options)
    {
        this.table = table;
        this.options = options;
        Source = table.Source;
        Formula = formula;

        var used = formula.Columns.Select(c => table[c]).ToArray();
        CheckReferences();
        rows = CompleteRows(used);
        DroppedRows = table.RowCount - rows.Length;
        if (rows.Length == 0)
        {
            throw DataInputException.InFile(Source,
                $"no complete rows: every one of the {table.RowCount} rows has a missing value in at least one of {string.Join(", ", formula.Columns)}.");
        }
        if (options.Landmark is { } landmark)
        {
            int complete = rows.Length;
            rows = AfterLandmark(rows, table[formula.TimeColumn], landmark);
            ExcludedByLandmark = complete - rows.Length;
            if (rows.Length == 0)
            {
                throw DataInputException.InFile(Source,
                    $"no rows after the landmark: none of the {complete} complete rows has {formula.TimeColumn} > {RNumberFormat.Format(landmark)}.",
                    formula.TimeColumn, $"times after the landmark {RNumberFormat.Format(landmark)}");
            }
        }
        BuildTime(table[formula.TimeColumn]);
        if (formula.EntryColumn is not null) BuildEntry(table[formula.EntryColumn], table[formula.TimeColumn]);
        BuildStatus(table[formula.StatusColumn]);
        foreach (string column in options.References.Keys) LevelsOf(column);
        BuildDesign();
        (Stratum, StratumLabels) = LevelCombinations.Combine(Formula.StrataColumns.Select(LevelsOf).ToList(), rows.Length);
        // R's strata() labels a stratum by its values alone when every strata column is text, else as col=value.
        bool shortLabels = Formula.StrataColumns.All(c => table[c].Kind == ColumnKind.Text);
        StratumNames = StratumLabels.Select(l => string.Join(", ", l.Select(kv => shortLabels ? kv.Value : $"{kv.Key}={kv.Value}"))).ToList();
        BuildCluster();
    }

    public string Source { get; }

    public SurvivalFormula Formula { get; }

    public double[] Time { get; private set; } = [];

    public double[] Entry { get; private set; } = [];

    public bool[] Events { get; private set; } = [];

    /// <summary>Cause codes when <see cref="ModelFrameOptions.StatusIsCause"/>; null for <c>Surv()</c> status, whose codes are the events (0/1).</summary>
    public int[]? CauseCodes { get; private set; }

    public int EventCount { get; private set; }

    public int DroppedRows { get; }

    public int ExcludedByLandmark { get; }

    public double[] Covariates { get; private set; } = [];

    public List<DesignColumn> DesignColumns { get; private set; } = [];

    public List<string> TermNames { get; } = [];

    public int[] Stratum { get; }

    public List<IReadOnlyDictionary<string, string>> StratumLabels { get; }

    public List<string> StratumNames { get; }

    public int[] Cluster { get; private set; } = [];

    public int ClusterCount { get; private set; }

    /// <summary>1-based file row of each used row (computed on first use: messages and per-subject output only).</summary>
    public int[] BuildSourceRows()
    {
        var result = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = rows[i] + 1;
        return result;
    }

    /// <summary>Group codes and labels over every column of the non-strata terms (the frame computes them on first use).</summary>
    public (int[] Codes, ReadOnlyCollection<IReadOnlyDictionary<string, string>> Labels) BuildGroups()
    {
        var columns = new List<string>();
        foreach (var term in Formula.Terms)
            foreach (var v in term.Variables)
                if (!columns.Contains(v.Column)) columns.Add(v.Column);
        var (codes, labels) = LevelCombinations.Combine(columns.Select(LevelsOf).ToList(), rows.Length);
        return (codes, labels.AsReadOnly());
    }

    private void CheckReferences()
    {
        foreach (var (column, level) in options.References)
        {
            bool usedAsFactor = Formula.Terms.Any(t => t.Variables.Any(v => v.Column == column)) || Formula.StrataColumns.Contains(column);
            if (!usedAsFactor)
            {
                throw new DataInputException(
                    $"{Source}: a reference level '{level}' was given for column '{column}', which the formula does not use as a term.",
                    Source, null, column, level, "a column used as a term of the formula");
            }
        }
    }

    private string? ReferenceFor(string column) => options.References.TryGetValue(column, out var level) ? level : null;

    private int[] CompleteRows(DataColumn[] used)
    {
        int n = table.RowCount;
        var hasMissing = new bool[used.Length];
        Parallel.For(0, used.Length, k => hasMissing[k] = used[k].Kind == ColumnKind.Text
            ? used[k].Codes.IndexOfAnyInRange(int.MinValue, -1) >= 0
            : ColumnChecks.AnyNaN(used[k].Numbers));
        var incomplete = used.Where((_, k) => hasMissing[k]).ToArray();
        if (incomplete.Length == 0)
        {
            var all = new int[n];
            for (int r = 0; r < n; r++) all[r] = r;
            return all;
        }
        var missing = new bool[n];
        foreach (var column in incomplete)
        {
            if (column.Kind == ColumnKind.Text)
            {
                ReadOnlySpan<int> codes = column.Codes;
                for (int r = 0; r < n; r++) missing[r] |= codes[r] < 0;
            }
            else
            {
                ReadOnlySpan<double> values = column.Numbers;
                for (int r = 0; r < n; r++) missing[r] |= double.IsNaN(values[r]);
            }
        }
        int count = 0;
        for (int r = 0; r < n; r++) if (!missing[r]) count++;
        var result = new int[count];
        int at = 0;
        for (int r = 0; r < n; r++) if (!missing[r]) result[at++] = r;
        return result;
    }

    /// <summary>The rows whose time is after the landmark; a time that is not a number is kept, for BuildTime to report.</summary>
    private static int[] AfterLandmark(int[] complete, DataColumn time, double landmark)
    {
        if (time.Kind != ColumnKind.Numeric) return complete;
        ReadOnlySpan<double> values = time.Numbers;
        var kept = new List<int>(complete.Length);
        foreach (int r in complete)
            if (values[r] > landmark || !double.IsFinite(values[r])) kept.Add(r);
        return kept.ToArray();
    }

    private DataInputException BadValue(DataColumn column, int i, string problem, string expected)
        => DataInputException.BadValue(Source, rows[i] + 1L, column.Name, column.Format(rows[i]), problem, expected);

    /// <summary>
    /// The used rows' values as numbers; text that parses as a number is accepted (Parquet string columns).
    /// When no row was dropped the column's own storage is returned: read it, never write it.
    /// </summary>
    private double[] NumericValues(DataColumn column, string expected, string problem = "is not a number")
    {
        if (column.Kind == ColumnKind.Logical) throw BadValue(column, 0, "is TRUE/FALSE, not a number", expected);
        if (column.Kind == ColumnKind.Numeric)
        {
            ReadOnlySpan<double> numbers = column.Numbers;
            if (rows.Length == numbers.Length && column.ExactNumbers is { } shared) return shared;   // rows[i] == i
            var copy = GC.AllocateUninitializedArray<double>(rows.Length);
            if (rows.Length == numbers.Length) numbers.CopyTo(copy);
            else for (int i = 0; i < rows.Length; i++) copy[i] = numbers[rows[i]];
            return copy;
        }
        var values = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            string text = column.Format(rows[i])!;
            if (!Utf8Values.TryParseNumber(System.Text.Encoding.UTF8.GetBytes(text.Trim()), out values[i]) || double.IsNaN(values[i]))
                throw BadValue(column, i, problem, expected);
        }
        return values;
    }

    private double[] LogicalValues(DataColumn column)
    {
        var values = new double[rows.Length];
        ReadOnlySpan<double> numbers = column.Numbers;
        for (int i = 0; i < rows.Length; i++) values[i] = numbers[rows[i]];
        return values;
    }

    private void BuildTime(DataColumn column)
    {
        // Counting-process times may be negative (R's coxph and survfit accept any finite (start, stop]).
        bool countingProcess = Formula.IsCountingProcess;
        string expected = countingProcess ? "stop times must be finite numbers" : "survival times must be non-negative numbers";
        Time = NumericValues(column, expected);
        for (int i = 0; i < Time.Length; i++)
        {
            double t = Time[i];
            if (double.IsInfinity(t)) throw BadValue(column, i, "is infinite", expected);
            if (t < 0 && !countingProcess) throw BadValue(column, i, "is negative", expected);
        }
        if (options.Landmark is { } landmark)
        {
            var shifted = new double[Time.Length];   // Time may be the column's own storage
            for (int i = 0; i < shifted.Length; i++) shifted[i] = Time[i] - landmark;
            Time = shifted;
        }
    }

    /// <summary>The start of each (start, stop] interval: finite and below its stop time (R's <c>Surv()</c> check, here an error naming the row).</summary>
    private void BuildEntry(DataColumn column, DataColumn stop)
    {
        const string expected = "start times must be finite numbers below the stop time";
        Entry = NumericValues(column, expected);
        for (int i = 0; i < Entry.Length; i++)
        {
            double t = Entry[i];
            if (double.IsInfinity(t)) throw BadValue(column, i, "is infinite", expected);
            if (!(t - (options.Landmark ?? 0) < Time[i]))
            {
                throw BadValue(column, i, $"is not below the stop time {stop.Format(rows[i])} in column '{stop.Name}' (each row is at risk on (start, stop])",
                               expected);
            }
        }
        if (options.Landmark is { } landmark)
        {
            var shifted = new double[Entry.Length];
            for (int i = 0; i < shifted.Length; i++) shifted[i] = Math.Max(Entry[i] - landmark, 0);
            Entry = shifted;
        }
    }

    private void BuildStatus(DataColumn column)
    {
        int m = rows.Length;
        Events = new bool[m];
        if (options.StatusIsCause) CodeCauses(column);
        else CodeSurvStatus(column);
        EventCount = m - Events.AsSpan().Count(false);
        if (EventCount == 0)
            throw DataInputException.InFile(Source, $"no events: every one of the {m} rows is censored.", column.Name, "at least one event");
    }

    /// <summary>Competing-risks status: 0 = censored, k = failure from cause k (<see cref="ModelFrameOptions.StatusIsCause"/>).</summary>
    private void CodeCauses(DataColumn column)
    {
        const string expected = "cause codes must be whole numbers (0 = censored, k = failure from cause k)";
        double[] values = column.Kind == ColumnKind.Logical ? LogicalValues(column) : NumericValues(column, expected, "is not a non-negative cause code");
        var codes = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            double v = values[i];
            if (double.IsInfinity(v) || v < 0) throw BadValue(column, i, "is not a non-negative cause code", expected);
            if (v != Math.Floor(v)) throw BadValue(column, i, "is not a whole number", expected);
            if (v > int.MaxValue) throw BadValue(column, i, "is too large", expected);
            codes[i] = (int)v;
            Events[i] = v != 0;
        }
        CauseCodes = codes;
    }

    /// <summary>Status as <c>Surv()</c> reads it: 0/1, 1/2 (2 = event) or TRUE/FALSE, never the two numeric codings mixed.</summary>
    private void CodeSurvStatus(DataColumn column)
    {
        const string expected = "status must be 0/1, 1/2 or TRUE/FALSE";
        int m = rows.Length;
        if (column.Kind == ColumnKind.Logical)
        {
            ReadOnlySpan<double> numbers = column.Numbers;
            for (int i = 0; i < m; i++) Events[i] = numbers[rows[i]] != 0;
        }
        else
        {
            double[] values = NumericValues(column, expected, "is not a valid status");
            // One branch-free pass decides; only a column that fails is walked again to name the row.
            bool any0 = false, any2 = false, other = false;
            for (int i = 0; i < m; i++)
            {
                double v = values[i];
                any0 |= v == 0;
                any2 |= v == 2;
                other |= v != 0 & v != 1 & v != 2;
            }
            if (other || (any0 && any2)) throw BadStatus(column, values, expected);
            double eventCode = any2 ? 2 : 1;
            for (int i = 0; i < m; i++) Events[i] = values[i] == eventCode;
        }
    }

    /// <summary>The error for the first row that is not a status, or that mixes the 0/1 and 1/2 codings.</summary>
    private DataInputException BadStatus(DataColumn column, double[] values, string expected)
    {
        int first0 = -1, first2 = -1;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (v == 0) { if (first0 < 0) first0 = i; }
            else if (v == 2) { if (first2 < 0) first2 = i; }
            else if (v != 1) return BadValue(column, i, "is not a valid status", expected);
        }
        return BadValue(column, Math.Max(first0, first2), "mixes the 0/1 and 1/2 status codings", expected);
    }

    /// <summary>The data the frame was built from.</summary>
    public DataTable Table => table;

    /// <summary>The used rows (0-based table indices), in file order.</summary>
    public int[] Rows => rows;

    /// <summary>The levels of a column over the used rows (computed once).</summary>
    public FactorLevels LevelsOf(string column)
    {
        lock (levels)
        {
            if (!levels.TryGetValue(column, out var result))
            {
                result = FactorLevels.Build(table[column], rows, ReferenceFor(column), Source);
                levels.Add(column, result);
            }
            return result;
        }
    }

    public static bool IsFactor(FormulaVariable variable, DataColumn column) => variable.ForceFactor || column.Kind != ColumnKind.Numeric;

    /// <summary>Resolves every term's variables — a factor to its levels, a numeric variable to its checked values — and codes the design matrix.</summary>
    private void BuildDesign()
    {
        var terms = new List<DesignTerm>(Formula.Terms.Count);
        foreach (var term in Formula.Terms)
        {
            var factors = new FactorLevels?[term.Variables.Count];
            var numbers = new double[]?[term.Variables.Count];
            for (int k = 0; k < term.Variables.Count; k++)
            {
                var variable = term.Variables[k];
                var column = table[variable.Column];
                if (IsFactor(variable, column)) factors[k] = FactorOf(column);
                else numbers[k] = CovariateValues(column);
            }
            terms.Add(new DesignTerm(term, factors, numbers));
            TermNames.Add(term.Name);
        }
        var design = DesignMatrix.Build(terms, rows.Length);
        Covariates = design.Values;
        DesignColumns = design.Columns;
    }

    private FactorLevels FactorOf(DataColumn column)
    {
        var f = LevelsOf(column.Name);
        if (f.Count < 2)
        {
            throw new DataInputException(
                $"{Source}: column '{column.Name}' has a single level '{f.Labels[0]}'; a factor needs at least two.",
                Source, null, column.Name, f.Labels[0], "at least two levels");
        }
        return f;
    }

    private double[] CovariateValues(DataColumn column)
    {
        const string expected = "covariates must be finite numbers";
        double[] values = NumericValues(column, expected);
        if (!ColumnChecks.AnyInfinity(values)) return values;
        int at = Array.FindIndex(values, double.IsInfinity);
        throw BadValue(column, at, "is infinite", expected);
    }

    private void BuildCluster()
    {
        if (Formula.ClusterColumn is null) return;
        var clusters = FactorLevels.Build(table[Formula.ClusterColumn], rows, null, Source);
        Cluster = clusters.Codes;
        ClusterCount = clusters.Count;
    }
}
