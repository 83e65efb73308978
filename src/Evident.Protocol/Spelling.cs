namespace Evident.Protocol;

/// <summary>"Did you mean …?" suggestions for misspelt keys, terms and names.</summary>
public static class Spelling
{
    /// <summary>
    /// The candidate nearest to <paramref name="name"/> in Levenshtein distance, if it is within
    /// max(2, length / 3) edits; otherwise null. Ties go to the earlier candidate.
    /// </summary>
    public static string? Nearest(string name, IReadOnlyList<string> candidates, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        string key = ignoreCase ? name.ToUpperInvariant() : name;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int d = Distance(key, ignoreCase ? candidate.ToUpperInvariant() : candidate);
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions cost 1.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
