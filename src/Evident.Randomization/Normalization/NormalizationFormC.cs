using System.Globalization;
using System.Text;

namespace Evident.Randomization.Normalization;

/// <summary>
/// Unicode normalization form C (UAX #15: canonical decomposition, canonical ordering, canonical composition) from the
/// data in <c>canonical.txt</c>, made by <c>tools/unicode/make_normalization_table.py</c>. Evident runs with
/// <c>InvariantGlobalization</c>, where <see cref="string.Normalize()"/> leaves non-ASCII text as it is, so the
/// participant id rule carries its own.
/// </summary>
internal static class NormalizationFormC
{
    // Hangul syllables compose and decompose by arithmetic (UAX #15, "Hangul").
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7, LCount = 19, VCount = 21, TCount = 28;
    private const int NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly Lazy<CanonicalData> Data = new(CanonicalData.Load);

    /// <summary>The text in form C; text with an unpaired surrogate (not Unicode text) is returned unchanged.</summary>
    public static string Normalize(string text)
    {
        if (Ascii.IsValid(text) || !IsWellFormed(text)) return text;
        var data = Data.Value;
        var codes = new List<int>(text.Length + 4);
        foreach (var rune in text.EnumerateRunes()) Decompose(data, rune.Value, codes);
        Reorder(data, codes);
        Compose(data, codes);
        var result = new StringBuilder(codes.Count);
        foreach (int code in codes) result.Append(new Rune(code).ToString());
        return result.ToString();
    }

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    private static void Decompose(CanonicalData data, int code, List<int> into)
    {
        int s = code - SBase;
        if (s is >= 0 and < SCount)
        {
            into.Add(LBase + s / NCount);
            into.Add(VBase + s % NCount / TCount);
            if (s % TCount != 0) into.Add(TBase + s % TCount);
        }
        else if (data.Decompositions.TryGetValue(code, out int[]? parts))
            foreach (int part in parts) Decompose(data, part, into);
        else into.Add(code);
    }

    /// <summary>Canonical ordering: each run of non-starters sorted stably by combining class.</summary>
    private static void Reorder(CanonicalData data, List<int> codes)
    {
        for (int i = 1; i < codes.Count; i++)
            for (int j = i; j > 0 && data.Class(codes[j]) != 0 && data.Class(codes[j - 1]) > data.Class(codes[j]); j--)
                (codes[j - 1], codes[j]) = (codes[j], codes[j - 1]);
    }

    /// <summary>Canonical composition: each character joins the last starter unless a character between them blocks it.</summary>
    private static void Compose(CanonicalData data, List<int> codes)
    {
        if (codes.Count == 0) return;
        int starterAt = 0, lastClass = data.Class(codes[0]) == 0 ? 0 : 256, kept = 1;
        for (int i = 1; i < codes.Count; i++)
        {
            int code = codes[i], codeClass = data.Class(code);
            int composite = Composite(data, codes[starterAt], code);
            if (composite >= 0 && (lastClass < codeClass || lastClass == 0))
            {
                codes[starterAt] = composite;
                continue;
            }
            if (codeClass == 0) starterAt = kept;
            lastClass = codeClass;
            codes[kept++] = code;
        }
        codes.RemoveRange(kept, codes.Count - kept);
    }

    private static int Composite(CanonicalData data, int first, int second)
    {
        int l = first - LBase, v = second - VBase, s = first - SBase, t = second - TBase;
        if (l is >= 0 and < LCount && v is >= 0 and < VCount) return SBase + (l * VCount + v) * TCount;
        if (s is >= 0 and < SCount && s % TCount == 0 && t is > 0 and < TCount) return first + t;
        return data.Composites.TryGetValue(((long)first << 21) | (uint)second, out int composite) ? composite : -1;
    }

    private sealed class CanonicalData
    {
        public Dictionary<int, int[]> Decompositions { get; } = new();
        public Dictionary<long, int> Composites { get; } = new();
        private Dictionary<int, int> Classes { get; } = new();

        public int Class(int code) => Classes.GetValueOrDefault(code);

        public static CanonicalData Load()
        {
            var data = new CanonicalData();
            using var stream = typeof(NormalizationFormC).Assembly.GetManifestResourceStream("Evident.Randomization.Normalization.canonical.txt")
                ?? throw new InvalidOperationException("The Unicode data canonical.txt is not embedded in Evident.Randomization.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var primary = new List<int>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var fields = line.Split(' ');
                int code = int.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                switch (fields[0])
                {
                    case "d": data.Decompositions[code] = fields[2..].Select(f => int.Parse(f, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray(); break;
                    case "c": data.Classes[code] = int.Parse(fields[2], CultureInfo.InvariantCulture); break;
                    case "p": primary.Add(code); break;
                }
            }
            foreach (int code in primary)
            {
                int[] parts = data.Decompositions[code];
                data.Composites[((long)parts[0] << 21) | (uint)parts[1]] = code;
            }
            return data;
        }
    }
}
