namespace Evident.Statistics.CompetingRisks;

/// <summary>Checks and indexes competing-risks status codes: 0 = censored, k ≥ 1 = failure from cause k.</summary>
internal static class CauseCodes
{
    /// <summary>
    /// The distinct causes with at least one failure, ascending (cmprsk: <c>sort(unique(fstatus[fstatus != cencode]))</c>).
    /// Throws when a code is negative.
    /// </summary>
    public static int[] Present(ReadOnlySpan<int> cause, string name)
    {
        var seen = new SortedSet<int>();
        int last = 0;
        for (int i = 0; i < cause.Length; i++)
        {
            int c = cause[i];
            if (c == last) continue;
            if (c < 0)
                throw new ArgumentOutOfRangeException(name, c, $"{name}[{i}] = {c}: cause codes must be 0 (censored) or a positive cause number.");
            if (c > 0) seen.Add(c);
            last = c;
        }
        var codes = new int[seen.Count];
        seen.CopyTo(codes);
        return codes;
    }

    /// <summary>Index of <paramref name="code"/> in <paramref name="present"/> plus one (0 for censored).</summary>
    public static int IndexOf(int[] present, int code) => code == 0 ? 0 : Array.BinarySearch(present, code) + 1;

    /// <summary>"1, 2 and 3": the causes present, for error messages.</summary>
    public static string List(int[] present) => present.Length switch
    {
        0 => "none (every row is censored)",
        1 => present[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Join(", ", present[..^1]) + " and " + present[^1].ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
