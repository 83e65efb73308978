using Evident.Statistics.Internal;

namespace Evident.Statistics.Survival;

/// <summary>Argument checks shared by the survival entry points (beyond <see cref="Preconditions"/>).</summary>
internal static class SurvivalChecks
{
    /// <summary>Every code in [0, count), count ≥ 1.</summary>
    public static void CheckCodes(ReadOnlySpan<int> codes, int count, string name)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(name, count, $"The number of {name} codes must be at least 1.");
        for (int i = 0; i < codes.Length; i++)
        {
            int c = codes[i];
            if ((uint)c >= (uint)count)
                throw new ArgumentOutOfRangeException(name, c, $"{name}[{i}] = {c}: codes must lie in 0..{count - 1}.");
        }
    }

    public static void CheckConfidenceType(ConfidenceType type, string name)
    {
        if (type is not (ConfidenceType.Log or ConfidenceType.LogLog or ConfidenceType.Plain))
            throw new ArgumentOutOfRangeException(name, type, $"{name} = {type} is not a confidence interval type.");
    }
}
