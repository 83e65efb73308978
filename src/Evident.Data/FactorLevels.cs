using System.Globalization;

namespace Evident.Data;

/// <summary>
/// The levels of one column over the rows a model uses, in R's <c>factor()</c> order — numbers numerically
/// (FALSE before TRUE), text by ordinal (C-locale) comparison — with an optional reference level moved first
/// (R's <c>relevel</c>), and the level code of each used row.
/// </summary>
internal sealed class FactorLevels
{
    private FactorLevels(string column, string[] labels, int[] codes)
    {
        Column = column;
        Labels = labels;
        Codes = codes;
    }

    public string Column { get; }

    /// <summary>Level labels as R prints them (<c>1</c>, <c>2.5</c>, <c>TRUE</c>, <c>adeno</c>).</summary>
    public string[] Labels { get; }

    /// <summary>Level index (0 … Labels.Length − 1) per used row.</summary>
    public int[] Codes { get; }

    public int Count => Labels.Length;

    /// <summary>The same levels over other rows (a prediction's patterns), coded by <paramref name="codes"/>.</summary>
    public FactorLevels WithCodes(int[] codes) => new(Column, Labels, codes);

    /// <param name="column">The column.</param>
    /// <param name="rows">The used rows (0-based table indices); none of them is missing in this column.</param>
    /// <param name="reference">Level to put first, or null.</param>
    /// <param name="source">File name for messages.</param>
    public static FactorLevels Build(DataColumn column, int[] rows, string? reference, string source)
    {
        int[] codes = new int[rows.Length];
        string[] labels = column.Kind == ColumnKind.Text ? CodeText(column, rows, codes) : CodeNumbers(column, rows, codes);
        if (reference is not null) MoveFirst(column, reference, labels, codes, source);
        return new FactorLevels(column.Name, labels, codes);
    }

    /// <summary>Codes a text column's used rows by its present dictionary entries in ordinal order; returns the labels.</summary>
    private static string[] CodeText(DataColumn column, int[] rows, int[] codes)
    {
        ReadOnlySpan<int> raw = column.Codes;
        var levelOf = new int[column.Dictionary.Count];
        Array.Fill(levelOf, -1);
        var present = new List<int>();
        foreach (int r in rows)
        {
            int c = raw[r];
            if (levelOf[c] < 0)
            {
                levelOf[c] = 0;
                present.Add(c);
            }
        }
        present.Sort((a, b) => string.CompareOrdinal(column.Dictionary[a], column.Dictionary[b]));
        var labels = new string[present.Count];
        for (int i = 0; i < present.Count; i++)
        {
            levelOf[present[i]] = i;
            labels[i] = column.Dictionary[present[i]];
        }
        for (int i = 0; i < rows.Length; i++) codes[i] = levelOf[raw[rows[i]]];
        return labels;
    }

    /// <summary>Codes a numeric or logical column's used rows by their distinct values in numeric order; returns the labels.</summary>
    private static string[] CodeNumbers(DataColumn column, int[] rows, int[] codes)
    {
        List<double> distinct = CodeInOrderSeen(column.Numbers, rows, codes);
        var order = new int[distinct.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => distinct[a].CompareTo(distinct[b]));
        var rank = new int[order.Length];
        var labels = new string[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
            double v = distinct[order[i]];
            labels[i] = column.Kind == ColumnKind.Logical ? (v != 0 ? "TRUE" : "FALSE") : RNumberFormat.Format(v);
        }
        for (int i = 0; i < codes.Length; i++) codes[i] = rank[codes[i]];
        return labels;
    }

    /// <summary>Codes each used row by the order in which its value was first seen; returns the distinct values in that order.</summary>
    private static List<double> CodeInOrderSeen(ReadOnlySpan<double> values, int[] rows, int[] codes)
    {
        // Factors usually have a handful of levels: a linear scan of those beats hashing every row; past
        // SmallLevels distinct values the dictionary takes over. Equals matches the dictionary's equality.
        // Codes such as strata 1…4 or arms 0/1 are small whole numbers: a table indexed by the value answers those
        // without a search (−0 and 0 share an entry, as Equals has them equal).
        const int SmallLevels = 16, SmallWhole = 256;
        Dictionary<double, int>? firstSeen = null;
        var distinct = new List<double>();
        Span<double> small = stackalloc double[SmallLevels];
        Span<int> whole = stackalloc int[SmallWhole];
        whole.Fill(-1);
        for (int i = 0; i < rows.Length; i++)
        {
            double v = values[rows[i]];
            bool isWhole = v >= 0 && v < SmallWhole && v == (int)v;
            int id = isWhole ? whole[(int)v] : -1;
            if (id >= 0)
            {
                codes[i] = id;
                continue;
            }
            if (firstSeen is null)
            {
                for (int k = 0; k < distinct.Count; k++)
                    if (small[k].Equals(v)) { id = k; break; }
            }
            else if (!firstSeen.TryGetValue(v, out id))
            {
                id = -1;
            }
            if (id < 0)
            {
                id = distinct.Count;
                distinct.Add(v);
                if (firstSeen is null && id < SmallLevels) small[id] = v;
                else
                {
                    firstSeen ??= FirstSeen(distinct);
                    firstSeen[v] = id;
                }
            }
            if (isWhole) whole[(int)v] = id;
            codes[i] = id;
        }
        return distinct;
    }

    /// <summary>Moves the reference level to the front, keeping the others in order (R's <c>relevel</c>), and recodes the rows.</summary>
    private static void MoveFirst(DataColumn column, string reference, string[] labels, int[] codes, string source)
    {
        int at = Array.IndexOf(labels, reference);
        if (at < 0 && column.Kind != ColumnKind.Text
            && double.TryParse(reference, NumberStyles.Float, CultureInfo.InvariantCulture, out double asNumber))
            at = Array.IndexOf(labels, RNumberFormat.Format(asNumber));
        if (at < 0)
        {
            string expected = $"the levels are: {string.Join(", ", labels)}";
            throw new DataInputException(
                $"{DataInputException.Where(source, null, column.Name)}: the reference level '{reference}' does not occur; {expected}.",
                source, null, column.Name, reference, expected);
        }
        if (at == 0) return;
        string chosen = labels[at];
        Array.Copy(labels, 0, labels, 1, at);
        labels[0] = chosen;
        for (int i = 0; i < codes.Length; i++)
        {
            int c = codes[i];
            codes[i] = c == at ? 0 : c < at ? c + 1 : c;
        }
    }

    private static Dictionary<double, int> FirstSeen(List<double> distinct)
    {
        var map = new Dictionary<double, int>();
        for (int k = 0; k < distinct.Count; k++) map.Add(distinct[k], k);
        return map;
    }
}
