using System.Collections.ObjectModel;
using System.Globalization;

namespace Evident.Data;

/// <summary>
/// Codes a file of covariate patterns with a model frame's terms, levels and strata (R's <c>model.frame(Terms2,
/// newdata, xlev = object$xlevels)</c> then <c>model.matrix</c> in <c>survfit.coxph</c>), with R's refusals as input
/// errors naming the row: a level the model has not seen, a stratum it does not have.
/// </summary>
internal static class PatternCoder
{
    private const string Expected = "each pattern needs a value of every variable of the model";

    public static CovariatePatterns Code(ModelFrameBuilder frame, DataTable patterns, IReadOnlyList<IReadOnlyDictionary<string, string>> stratumLabels)
    {
        var formula = frame.Formula;
        var variables = VariablesOf(formula);
        foreach (string column in variables)
        {
            if (!patterns.TryGetColumn(column, out _))
            {
                throw DataInputException.InFile(patterns.Source,
                    $"no column '{column}': each pattern must give every variable of the model ({string.Join(", ", variables)}).", column,
                    $"a column for each of {string.Join(", ", variables)}");
            }
        }
        int m = patterns.RowCount;
        if (m == 0) throw DataInputException.InFile(patterns.Source, "no patterns: the file has a header and no rows.", expected: "one covariate pattern per row");
        foreach (string column in variables)
        {
            var values = patterns[column];
            for (int r = 0; r < m; r++)
                if (values.IsMissing(r)) throw DataInputException.BadValue(patterns.Source, r + 1L, column, "NA", "is missing", Expected);
        }

        var coded = new Dictionary<string, FactorLevels>(StringComparer.Ordinal);
        FactorLevels LevelsOf(string column) => coded.TryGetValue(column, out var f) ? f : coded[column] = Levels(frame, patterns, column);
        var terms = new List<DesignTerm>(formula.Terms.Count);
        foreach (var term in formula.Terms)
        {
            var factors = new FactorLevels?[term.Variables.Count];
            var numbers = new double[]?[term.Variables.Count];
            for (int k = 0; k < term.Variables.Count; k++)
            {
                var variable = term.Variables[k];
                if (ModelFrameBuilder.IsFactor(variable, frame.Table[variable.Column])) factors[k] = LevelsOf(variable.Column);
                else numbers[k] = Numbers(patterns, variable.Column);
            }
            terms.Add(new DesignTerm(term, factors, numbers));
        }
        var design = DesignMatrix.Build(terms, m);
        var stratum = formula.StrataColumns.Count == 0 ? [] : Strata(patterns, formula.StrataColumns.Select(LevelsOf).ToList(), stratumLabels);
        var labels = new IReadOnlyDictionary<string, string>[m];
        for (int r = 0; r < m; r++)
        {
            var label = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string column in variables)
                label[column] = coded.TryGetValue(column, out var f) ? f.Labels[f.Codes[r]] : patterns[column].Format(r)!;
            labels[r] = new ReadOnlyDictionary<string, string>(label);
        }
        return new CovariatePatterns(patterns.Source, design.Values, design.Columns.Count, stratum, Array.AsReadOnly(labels));
    }

    /// <summary>The frame's used rows as patterns, with <paramref name="column"/> set to <paramref name="level"/>.</summary>
    public static CovariatePatterns CodeRowsWith(ModelFrameBuilder frame, string column, string level,
                                                 IReadOnlyList<IReadOnlyDictionary<string, string>> stratumLabels)
    {
        int[] rows = frame.Rows;
        var columns = new List<DataColumn>();
        foreach (string name in VariablesOf(frame.Formula))
        {
            var source = frame.Table[name];
            columns.Add(name == column ? DataColumn.FromText(name, Enumerable.Repeat<string?>(level, rows.Length).ToArray())
                : source.Kind switch
                {
                    ColumnKind.Numeric => DataColumn.FromNumbers(name, rows.Select(r => source.Numbers[r]).ToArray()),
                    ColumnKind.Logical => DataColumn.FromLogical(name, rows.Select(r => (bool?)(source.Numbers[r] != 0)).ToArray()),
                    _ => DataColumn.FromText(name, rows.Select(source.Format).ToArray()),
                });
        }
        return Code(frame, new DataTable(frame.Source, columns), stratumLabels);
    }

    private static string[] VariablesOf(SurvivalFormula formula) =>
        formula.Terms.SelectMany(t => t.Variables).Select(v => v.Column).Concat(formula.StrataColumns).Distinct().ToArray();

    /// <summary>The frame's levels of a column, coded over the patterns' rows.</summary>
    private static FactorLevels Levels(ModelFrameBuilder frame, DataTable patterns, string column)
    {
        var levels = frame.LevelsOf(column);
        var values = patterns[column];
        var codes = new int[patterns.RowCount];
        for (int r = 0; r < codes.Length; r++)
        {
            string text = values.Format(r)!;
            int at = Array.IndexOf(levels.Labels, text);
            if (at < 0 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                at = Array.IndexOf(levels.Labels, RNumberFormat.Format(number));
            if (at < 0)
            {
                throw DataInputException.BadValue(patterns.Source, r + 1L, column, text, $"is not a level of '{column}' in {frame.Source}",
                                                  $"the levels are: {string.Join(", ", levels.Labels)}");
            }
            codes[r] = at;
        }
        return levels.WithCodes(codes);
    }

    private static double[] Numbers(DataTable patterns, string column)
    {
        const string expected = "the model has this variable as a number: give a finite number";
        var values = patterns[column];
        var result = new double[patterns.RowCount];
        for (int r = 0; r < result.Length; r++)
        {
            bool ok = values.Kind == ColumnKind.Numeric
                ? double.IsFinite(result[r] = values.Numbers[r])
                : values.Kind == ColumnKind.Text && double.TryParse(values.Format(r), NumberStyles.Float, CultureInfo.InvariantCulture, out result[r]) && double.IsFinite(result[r]);
            if (!ok) throw DataInputException.BadValue(patterns.Source, r + 1L, column, values.Format(r), "is not a finite number", expected);
        }
        return result;
    }

    /// <summary>Each pattern's stratum among the frame's; a combination the frame lacks is refused, as R's "strata levels not found".</summary>
    private static int[] Strata(DataTable patterns, List<FactorLevels> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> stratumLabels)
    {
        var result = new int[patterns.RowCount];
        for (int r = 0; r < result.Length; r++)
        {
            int found = -1;
            for (int s = 0; s < stratumLabels.Count && found < 0; s++)
                if (columns.All(c => stratumLabels[s][c.Column] == c.Labels[c.Codes[r]])) found = s;
            if (found < 0)
            {
                string combination = string.Join(", ", columns.Select(c => $"{c.Column}={c.Labels[c.Codes[r]]}"));
                throw new DataInputException(
                    $"{DataInputException.Where(patterns.Source, r + 1L, columns[0].Column)}: the strata ({combination}) are not a stratum of the model; " +
                    "a curve needs the baseline hazard of a stratum with data.",
                    patterns.Source, r + 1L, columns[0].Column, combination, "a combination of strata values present in the data");
            }
            result[r] = found;
        }
        return result;
    }
}
