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
    private readonly bool[] events;
    private readonly int[] statusCodes;
    private readonly double[] covariates;
    private readonly Lazy<(int[] Codes, ReadOnlyCollection<IReadOnlyDictionary<string, string>> Labels)> groups;
    private readonly int[] stratum;
    private readonly int[] cluster;
    private readonly int[] sourceRows;

    private ModelFrame(Builder b)
    {
        Source = b.Source;
        Formula = b.Formula;
        time = b.Time;
        events = b.Events;
        statusCodes = b.StatusCodes;
        EventCount = b.EventCount;
        DroppedRows = b.DroppedRows;
        covariates = b.Covariates;
        CovariateCount = b.DesignColumns.Count;
        DesignColumns = b.DesignColumns.AsReadOnly();
        TermNames = b.TermNames.AsReadOnly();
        groups = new Lazy<(int[], ReadOnlyCollection<IReadOnlyDictionary<string, string>>)>(b.BuildGroups);
        stratum = b.Stratum;
        StratumLabels = b.StratumLabels.AsReadOnly();
        cluster = b.Cluster;
        ClusterCount = b.ClusterCount;
        sourceRows = b.SourceRows;
    }

    /// <summary>
    /// Builds the model frame: drops rows with a missing value in any formula variable (R's <c>na.omit</c>), checks and
    /// codes time and status, dummy-codes factors, and codes groups, strata and clusters.
    /// </summary>
    /// <param name="table">The data.</param>
    /// <param name="formula">The formula; every column it names must exist in <paramref name="table"/>.</param>
    /// <param name="options">Reference levels and status coding; null for the defaults.</param>
    /// <exception cref="DataInputException">
    /// A missing column; a time that is not a finite non-negative number; a status outside 0/1, 1/2, TRUE/FALSE
    /// (or, with <see cref="ModelFrameOptions.StatusIsCause"/>, not a non-negative whole number); no events; a factor
    /// with a single level; an unknown reference level; no complete rows. Messages name the file, the 1-based data row,
    /// the column and the value.
    /// </exception>
    public static ModelFrame Build(DataTable table, SurvivalFormula formula, ModelFrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(formula);
        return new ModelFrame(new Builder(table, formula, options ?? new ModelFrameOptions()));
    }

    /// <summary>The data file as the user named it.</summary>
    public string Source { get; }

    /// <summary>The formula the frame was built from.</summary>
    public SurvivalFormula Formula { get; }

    /// <summary>Rows used (after dropping rows with missing values).</summary>
    public int RowCount => time.Length;

    /// <summary>Rows dropped for a missing value in any formula variable (R's <c>na.omit</c>; R prints "N observations deleted due to missingness").</summary>
    public int DroppedRows { get; }

    /// <summary>1-based data-row number in the file of each used row (for messages and per-subject output).</summary>
    public ReadOnlySpan<int> SourceRows => sourceRows;

    /// <summary>Follow-up time per used row: finite, ≥ 0.</summary>
    public ReadOnlySpan<double> Time => time;

    /// <summary>True when the row's follow-up ended in an event (any cause when <see cref="ModelFrameOptions.StatusIsCause"/>).</summary>
    public ReadOnlySpan<bool> Event => events;

    /// <summary>Status as a code: 0 = censored, k ≥ 1 = event of cause k (1 for every event unless <see cref="ModelFrameOptions.StatusIsCause"/>; 1/2 coding is mapped to 0/1).</summary>
    public ReadOnlySpan<int> StatusCodes => statusCodes;

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

    /// <summary>Cluster code per row (0 … <see cref="ClusterCount"/> − 1, in sorted order of the cluster values); empty when the formula has no <c>cluster()</c>.</summary>
    public ReadOnlySpan<int> Cluster => cluster;

    /// <summary>Number of distinct clusters; 0 without <c>cluster()</c>.</summary>
    public int ClusterCount { get; }

    /// <summary>Does the building; its fields become the frame.</summary>
    private sealed class Builder
    {
        private readonly DataTable table;
        private readonly ModelFrameOptions options;
        private readonly int[] rows;

        public string Source;
        public SurvivalFormula Formula;
        public double[] Time = [];
        public bool[] Events = [];
        public int[] StatusCodes = [];
        public int EventCount;
        public int DroppedRows;
        public double[] Covariates = [];
        public List<DesignColumn> DesignColumns = [];
        public List<string> TermNames = [];
        private readonly Dictionary<string, FactorLevels> levels = new(StringComparer.Ordinal);
        public int[] Stratum = [];
        public List<IReadOnlyDictionary<string, string>> StratumLabels = [];
        public int[] Cluster = [];
        public int ClusterCount;
        public int[] SourceRows;

        public Builder(DataTable table, SurvivalFormula formula, ModelFrameOptions options)
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
            SourceRows = new int[rows.Length];
            for (int i = 0; i < rows.Length; i++) SourceRows[i] = rows[i] + 1;

            BuildTime(table[formula.TimeColumn]);
            BuildStatus(table[formula.StatusColumn]);
            foreach (string column in options.References.Keys) LevelsOf(column);
            BuildDesign();
            BuildStrata();
            BuildCluster();
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
            var missing = new bool[n];
            foreach (var column in used)
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

        private void BuildTime(DataColumn column)
        {
            const string expected = "survival times must be non-negative numbers";
            Time = NumericValues(column, expected);
            for (int i = 0; i < Time.Length; i++)
            {
                double t = Time[i];
                if (double.IsInfinity(t)) throw BadValue(column, i, "is infinite", expected);
                if (t < 0) throw BadValue(column, i, "is negative", expected);
            }
        }

        private void BuildStatus(DataColumn column)
        {
            int m = rows.Length;
            Events = new bool[m];
            StatusCodes = new int[m];
            if (options.StatusIsCause)
            {
                const string expected = "cause codes must be whole numbers (0 = censored, k = failure from cause k)";
                double[] values = column.Kind == ColumnKind.Logical ? LogicalValues(column) : NumericValues(column, expected, "is not a non-negative cause code");
                for (int i = 0; i < m; i++)
                {
                    double v = values[i];
                    if (double.IsInfinity(v) || v < 0) throw BadValue(column, i, "is not a non-negative cause code", expected);
                    if (v != Math.Floor(v)) throw BadValue(column, i, "is not a whole number", expected);
                    if (v > int.MaxValue) throw BadValue(column, i, "is too large", expected);
                    StatusCodes[i] = (int)v;
                    Events[i] = v != 0;
                }
            }
            else
            {
                const string expected = "status must be 0/1, 1/2 or TRUE/FALSE";
                if (column.Kind == ColumnKind.Logical)
                {
                    ReadOnlySpan<double> numbers = column.Numbers;
                    for (int i = 0; i < m; i++) Events[i] = numbers[rows[i]] != 0;
                }
                else
                {
                    double[] values = NumericValues(column, expected, "is not a valid status");
                    int first0 = -1, first2 = -1;
                    for (int i = 0; i < m; i++)
                    {
                        double v = values[i];
                        if (v == 0) { if (first0 < 0) first0 = i; }
                        else if (v == 2) { if (first2 < 0) first2 = i; }
                        else if (v != 1) throw BadValue(column, i, "is not a valid status", expected);
                    }
                    if (first0 >= 0 && first2 >= 0)
                        throw BadValue(column, Math.Max(first0, first2), "mixes the 0/1 and 1/2 status codings", expected);
                    double eventCode = first2 >= 0 ? 2 : 1;
                    for (int i = 0; i < m; i++) Events[i] = values[i] == eventCode;
                }
                for (int i = 0; i < m; i++) StatusCodes[i] = Events[i] ? 1 : 0;
            }
            for (int i = 0; i < m; i++) if (Events[i]) EventCount++;
            if (EventCount == 0)
                throw DataInputException.InFile(Source, $"no events: every one of the {m} rows is censored.", column.Name, "at least one event");
        }

        private double[] LogicalValues(DataColumn column)
        {
            var values = new double[rows.Length];
            ReadOnlySpan<double> numbers = column.Numbers;
            for (int i = 0; i < rows.Length; i++) values[i] = numbers[rows[i]];
            return values;
        }

        private FactorLevels LevelsOf(string column)
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

        private static bool IsFactor(FormulaVariable variable, DataColumn column) => variable.ForceFactor || column.Kind != ColumnKind.Numeric;

        /// <summary>
        /// One block of columns per term. A term's columns are the products of its variables' columns — a numeric
        /// variable contributes itself, a factor one dummy per level — with the first variable varying fastest, as R's
        /// <c>model.matrix</c> orders them. Which levels a factor contributes follows R's <c>terms()</c> (TermCode in
        /// R's model.c): in term T, factor v is coded by treatment contrasts (reference level dropped) when T without v
        /// is empty (the implicit intercept) or is contained in a term before T; otherwise by indicators of all its
        /// levels, since its reference level is then not absorbed by any lower-order column. So <c>~ factor(k):z</c>
        /// gives one slope per level of k, and <c>~ a:b</c> every level combination (one of them aliased with the
        /// baseline hazard, which <c>coxph</c> reports as NA).
        /// </summary>
        private void BuildDesign()
        {
            int m = rows.Length;
            var blocks = new List<(FormulaTerm Term, FactorLevels?[] Factors, double[]?[] Numbers)>();
            var allLevels = new List<bool[]>();
            for (int t = 0; t < Formula.Terms.Count; t++)
            {
                var term = Formula.Terms[t];
                var factors = new FactorLevels?[term.Variables.Count];
                var numbers = new double[]?[term.Variables.Count];
                for (int k = 0; k < term.Variables.Count; k++)
                {
                    var variable = term.Variables[k];
                    var column = table[variable.Column];
                    if (IsFactor(variable, column))
                    {
                        var f = LevelsOf(variable.Column);
                        if (f.Count < 2)
                        {
                            throw new DataInputException(
                                $"{Source}: column '{column.Name}' has a single level '{f.Labels[0]}'; a factor needs at least two.",
                                Source, null, column.Name, f.Labels[0], "at least two levels");
                        }
                        factors[k] = f;
                    }
                    else
                    {
                        const string expected = "covariates must be finite numbers";
                        double[] values = NumericValues(column, expected);
                        for (int i = 0; i < m; i++)
                            if (double.IsInfinity(values[i])) throw BadValue(column, i, "is infinite", expected);
                        numbers[k] = values;
                    }
                }
                blocks.Add((term, factors, numbers));
                allLevels.Add(IndicatorCoded(t));
            }

            // Column descriptions: enumerate level combinations, first variable fastest.
            var columnLevels = new List<int[]>(); // per design column: level index per variable (0 for numeric)
            for (int t = 0; t < blocks.Count; t++)
            {
                var (term, factors, _) = blocks[t];
                TermNames.Add(term.Name);
                int k = term.Variables.Count;
                var first = new int[k];
                for (int v = 0; v < k; v++) first[v] = factors[v] is null || allLevels[t][v] ? 0 : 1;
                var index = (int[])first.Clone();
                while (true)
                {
                    string? level = null;
                    for (int v = 0; v < k; v++)
                    {
                        if (factors[v] is { } f) level = level is null ? f.Labels[index[v]] : $"{level}:{f.Labels[index[v]]}";
                    }
                    DesignColumns.Add(new DesignColumn(term.Name, level, t));
                    columnLevels.Add((int[])index.Clone());
                    int carry = 0;
                    while (carry < k)
                    {
                        if (factors[carry] is { } f && index[carry] + 1 < f.Count)
                        {
                            index[carry]++;
                            break;
                        }
                        index[carry] = first[carry];
                        carry++;
                    }
                    if (carry == k) break;
                }
            }

            int p = DesignColumns.Count;
            var columnFactors = new FactorLevels?[p][];
            var columnNumbers = new double[]?[p][];
            for (int j = 0; j < p; j++) (_, columnFactors[j], columnNumbers[j]) = blocks[DesignColumns[j].TermIndex];
            // Row by row, so the row-major matrix is written sequentially.
            Covariates = GC.AllocateUninitializedArray<double>(checked(m * p));
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    var factors = columnFactors[j];
                    var numbers = columnNumbers[j];
                    int[] index = columnLevels[j];
                    double x = 1;
                    for (int v = 0; v < index.Length; v++)
                    {
                        if (factors[v] is { } f)
                        {
                            if (f.Codes[i] != index[v]) { x = 0; break; }
                        }
                        else
                        {
                            x *= numbers[v]![i];
                        }
                    }
                    Covariates[i * p + j] = x;
                }
            }
        }

        /// <summary>
        /// Per variable of term <paramref name="t"/>: true when a factor there is coded by indicators of all its levels,
        /// false when by treatment contrasts. R's rule (terms.formula, TermCode): contrasts when the term without the
        /// variable is empty or is a subset of an earlier term (terms are in R's order, main effects first).
        /// </summary>
        private bool[] IndicatorCoded(int t)
        {
            var variables = Formula.Terms[t].Variables;
            var result = new bool[variables.Count];
            for (int v = 0; v < variables.Count; v++)
            {
                if (variables.Count == 1) continue;
                bool margin = false;
                for (int u = 0; u < t && !margin; u++)
                {
                    var earlier = Formula.Terms[u].Variables;
                    margin = true;
                    for (int w = 0; w < variables.Count && margin; w++)
                        if (w != v && !earlier.Contains(variables[w])) margin = false;
                }
                result[v] = !margin;
            }
            return result;
        }

        public (int[] Codes, ReadOnlyCollection<IReadOnlyDictionary<string, string>> Labels) BuildGroups()
        {
            var columns = new List<string>();
            foreach (var term in Formula.Terms)
                foreach (var v in term.Variables)
                    if (!columns.Contains(v.Column)) columns.Add(v.Column);
            var (codes, labels) = Combine(columns.Select(LevelsOf).ToList());
            return (codes, labels.AsReadOnly());
        }

        private void BuildStrata() => (Stratum, StratumLabels) = Combine(Formula.StrataColumns.Select(LevelsOf).ToList());

        private void BuildCluster()
        {
            if (Formula.ClusterColumn is null) return;
            var levels = FactorLevels.Build(table[Formula.ClusterColumn], rows, null, Source);
            Cluster = levels.Codes;
            ClusterCount = levels.Count;
        }

        /// <summary>
        /// Codes every observed combination of the variables' levels, ordered with the first variable varying slowest
        /// (R's <c>strata()</c> and <c>survfit</c> order), and labels each combination. Variables are folded in one at
        /// a time — code·L + level, then renumbered over the observed keys — so the keys stay below n·L.
        /// </summary>
        private (int[] Codes, List<IReadOnlyDictionary<string, string>> Labels) Combine(List<FactorLevels> variables)
        {
            int m = rows.Length;
            var labels = new List<IReadOnlyDictionary<string, string>>();
            if (variables.Count == 0)
            {
                labels.Add(new ReadOnlyDictionary<string, string>(new Dictionary<string, string>()));
                return (new int[m], labels);
            }
            int[] codes = (int[])variables[0].Codes.Clone();
            var combinations = new List<int[]>();
            for (int l = 0; l < variables[0].Count; l++) combinations.Add([l]);
            for (int v = 1; v < variables.Count; v++)
            {
                var next = variables[v];
                long width = next.Count;
                var keys = new long[m];
                for (int i = 0; i < m; i++) keys[i] = codes[i] * width + next.Codes[i];
                long[] distinct = DistinctSorted(keys, combinations.Count * width);
                codes = new int[m];
                for (int i = 0; i < m; i++) codes[i] = Array.BinarySearch(distinct, keys[i]);
                var folded = new List<int[]>(distinct.Length);
                foreach (long key in distinct) folded.Add([.. combinations[(int)(key / width)], (int)(key % width)]);
                combinations = folded;
            }
            foreach (int[] combination in combinations)
            {
                var label = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int v = 0; v < variables.Count; v++) label[variables[v].Column] = variables[v].Labels[combination[v]];
                labels.Add(new ReadOnlyDictionary<string, string>(label));
            }
            return (codes, labels);
        }

        /// <summary>The distinct keys in ascending order; keys lie in [0, bound).</summary>
        private static long[] DistinctSorted(long[] keys, long bound)
        {
            if (bound <= Math.Max(1 << 16, 2L * keys.Length))
            {
                var present = new bool[bound];
                foreach (long key in keys) present[key] = true;
                var list = new List<long>();
                for (long key = 0; key < bound; key++) if (present[key]) list.Add(key);
                return [.. list];
            }
            long[] sorted = (long[])keys.Clone();
            Array.Sort(sorted);
            int n = 0;
            for (int i = 0; i < sorted.Length; i++)
                if (i == 0 || sorted[i] != sorted[i - 1]) sorted[n++] = sorted[i];
            return sorted[..n];
        }
    }
}
