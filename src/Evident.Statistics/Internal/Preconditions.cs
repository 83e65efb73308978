using System.Diagnostics.CodeAnalysis;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Evident.Statistics.Internal;

/// <summary>Argument checks for public entry points. Every range check rejects NaN explicitly.</summary>
internal static class Preconditions
{
    public static void CheckProbability(double value, string name)
    {
        if (!(value > 0 && value < 1)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be strictly between 0 and 1.");
    }

    public static void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number.");
    }

    public static void CheckPositive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
    }

    public static void CheckSameLength(int expected, int actual, string name)
    {
        if (expected != actual) throw new ArgumentException($"{name} has {actual} elements; expected {expected}.", name);
    }

    public static void CheckNotEmpty(int length, string name)
    {
        if (length == 0) throw new ArgumentException($"{name} is empty: at least one observation is needed.", name);
    }

    /// <summary>Survival times: finite and non-negative.</summary>
    public static void CheckTimes(ReadOnlySpan<double> time, string name)
    {
        for (int i = 0; i < time.Length; i++)
        {
            double t = time[i];
            if (!(t >= 0) || double.IsPositiveInfinity(t))
                throw new ArgumentOutOfRangeException(name, t, $"{name}[{i}] = {t}: times must be finite and non-negative.");
        }
    }

    /// <summary>The debug-only twin for trusted internal calls.</summary>
    [Conditional("DEBUG")]
    public static void DebugAssert([DoesNotReturnIf(false)] bool condition, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition) throw new InvalidOperationException($"Internal check failed: {expression}");
    }
}
