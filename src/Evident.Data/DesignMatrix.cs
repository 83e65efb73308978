namespace Evident.Data;

/// <summary>
/// R's <c>model.matrix</c> without the intercept column, over terms whose variables are already resolved: one block
/// of columns per term. A term's columns are the products of its variables' columns — a numeric variable contributes
/// itself, a factor one dummy per level — with the first variable varying fastest, as R's <c>model.matrix</c> orders
/// them. Which levels a factor contributes follows R's <c>terms()</c> (TermCode in R's model.c): in term T, factor v
/// is coded by treatment contrasts (reference level dropped) when T without v is empty (the implicit intercept) or is
/// contained in a term before T; otherwise by indicators of all its levels, since its reference level is then not
/// absorbed by any lower-order column. So <c>~ factor(k):z</c> gives one slope per level of k, and <c>~ a:b</c> every
/// level combination (one of them aliased with the baseline hazard, which <c>coxph</c> reports as NA).
/// </summary>
internal sealed class DesignMatrix
{
    private DesignMatrix(double[] values, List<DesignColumn> columns)
    {
        Values = values;
        Columns = columns;
    }

    /// <summary>Row-major rows × <see cref="Columns"/>.Count.</summary>
    public double[] Values { get; }

    /// <summary>Description of each column, in R's order (terms in formula order, first variable fastest within a term).</summary>
    public List<DesignColumn> Columns { get; }

    /// <param name="terms">The terms in R's order (main effects first), each with its variables resolved.</param>
    /// <param name="rowCount">Rows of the model frame (the length of every factor's codes and every numeric variable).</param>
    public static DesignMatrix Build(IReadOnlyList<DesignTerm> terms, int rowCount)
    {
        var columns = new List<DesignColumn>();
        var columnLevels = new List<int[]>(); // per design column: level index per variable (0 for numeric)
        for (int t = 0; t < terms.Count; t++)
            AddColumns(terms[t], t, IndicatorCoded(terms, t), columns, columnLevels);
        return new DesignMatrix(Fill(terms, columns, columnLevels, rowCount), columns);
    }

    /// <summary>
    /// Per variable of term <paramref name="t"/>: true when a factor there is coded by indicators of all its levels,
    /// false when by treatment contrasts. R's rule (terms.formula, TermCode): contrasts when the term without the
    /// variable is empty or is a subset of an earlier term (terms are in R's order, main effects first).
    /// </summary>
    private static bool[] IndicatorCoded(IReadOnlyList<DesignTerm> terms, int t)
    {
        var variables = terms[t].Term.Variables;
        var result = new bool[variables.Count];
        for (int v = 0; v < variables.Count; v++)
        {
            if (variables.Count == 1) continue;
            bool margin = false;
            for (int u = 0; u < t && !margin; u++)
            {
                var earlier = terms[u].Term.Variables;
                margin = true;
                for (int w = 0; w < variables.Count && margin; w++)
                    if (w != v && !earlier.Contains(variables[w])) margin = false;
            }
            result[v] = !margin;
        }
        return result;
    }

    /// <summary>Describes the term's columns: every combination of its factors' coded levels, first variable fastest.</summary>
    private static void AddColumns(DesignTerm term, int t, bool[] allLevels, List<DesignColumn> columns, List<int[]> columnLevels)
    {
        var factors = term.Factors;
        int k = factors.Length;
        var first = new int[k];
        for (int v = 0; v < k; v++) first[v] = factors[v] is null || allLevels[v] ? 0 : 1;
        var index = (int[])first.Clone();
        while (true)
        {
            string? level = null;
            for (int v = 0; v < k; v++)
            {
                if (factors[v] is { } f) level = level is null ? f.Labels[index[v]] : $"{level}:{f.Labels[index[v]]}";
            }
            columns.Add(new DesignColumn(term.Term.Name, level, t));
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

    /// <summary>Each entry is the product of its term's numeric values and the indicators of its column's factor levels.</summary>
    private static double[] Fill(IReadOnlyList<DesignTerm> terms, List<DesignColumn> columns, List<int[]> columnLevels, int m)
    {
        int p = columns.Count;
        var columnFactors = new FactorLevels?[p][];
        var columnNumbers = new double[]?[p][];
        for (int j = 0; j < p; j++) (_, columnFactors[j], columnNumbers[j]) = terms[columns[j].TermIndex];
        var values = GC.AllocateUninitializedArray<double>(checked(m * p));
        // Blocks of rows in parallel, each a contiguous stretch of the row-major matrix filled column by column.
        int blocks = (m + FillBlockRows - 1) / FillBlockRows;
        Parallel.For(0, blocks, b =>
        {
            int from = b * FillBlockRows, to = Math.Min(m, from + FillBlockRows);
            for (int j = 0; j < p; j++) FillColumn(values, p, j, columnFactors[j], columnNumbers[j], columnLevels[j], from, to);
        });
        return values;
    }

    private const int FillBlockRows = 1 << 15;

    /// <summary>Column <paramref name="j"/> of rows [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static void FillColumn(double[] values, int p, int j, FactorLevels?[] factors, double[]?[] numbers, int[] index, int from, int to)
    {
        if (index.Length == 1 && numbers[0] is { } x)
        {
            for (int i = from; i < to; i++) values[i * p + j] = x[i];
            return;
        }
        if (index.Length == 1 && factors[0] is { } f)
        {
            int[] codes = f.Codes;
            int level = index[0];
            for (int i = from; i < to; i++) values[i * p + j] = codes[i] == level ? 1 : 0;
            return;
        }
        for (int i = from; i < to; i++)
        {
            double product = 1;
            for (int v = 0; v < index.Length; v++)
            {
                if (factors[v] is { } factor)
                {
                    if (factor.Codes[i] != index[v]) { product = 0; break; }
                }
                else
                {
                    product *= numbers[v]![i];
                }
            }
            values[i * p + j] = product;
        }
    }
}
