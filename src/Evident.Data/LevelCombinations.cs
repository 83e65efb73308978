using System.Collections.ObjectModel;

namespace Evident.Data;

/// <summary>
/// Codes every observed combination of several factors' levels (groups and strata of a <see cref="ModelFrame"/>),
/// ordered with the first factor varying slowest — R's <c>strata()</c> and <c>survfit</c> order — and labels each
/// combination.
/// </summary>
internal static class LevelCombinations
{
    /// <summary>
    /// Factors are folded in one at a time — code·L + level, then renumbered over the observed keys — so the keys stay
    /// below n·L. No factor gives one combination with an empty label and every row coded 0.
    /// </summary>
    /// <param name="variables">The factors, each coded over the same <paramref name="rowCount"/> rows.</param>
    /// <param name="rowCount">Rows of the model frame.</param>
    public static (int[] Codes, List<IReadOnlyDictionary<string, string>> Labels) Combine(IReadOnlyList<FactorLevels> variables, int rowCount)
    {
        int m = rowCount;
        var labels = new List<IReadOnlyDictionary<string, string>>();
        if (variables.Count == 0)
        {
            labels.Add(new ReadOnlyDictionary<string, string>(new Dictionary<string, string>()));
            return (new int[m], labels);
        }
        int[] codes = variables[0].Codes; // shared while nothing is folded in: no one writes a factor's codes
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
