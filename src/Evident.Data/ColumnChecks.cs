using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Evident.Data;

/// <summary>
/// Whole-column checks of the model frame, a vector at a time: most columns pass, so one vectorised pass decides, and
/// only a column that fails is walked value by value to name the offending row. <see cref="Vector256{T}"/> rather than
/// <c>Vector&lt;T&gt;</c>, whose machine-dependent width keeps a method out of the ReadyToRun image.
/// </summary>
internal static class ColumnChecks
{
    /// <summary>True when some value is NaN (a missing value).</summary>
    public static bool AnyNaN(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var found = Vector256<double>.Zero;
            foreach (var v in MemoryMarshal.Cast<double, Vector256<double>>(values)) found |= ~Vector256.Equals(v, v);
            if (found.AsUInt64() != Vector256<ulong>.Zero) return true;
            i = values.Length - values.Length % Vector256<double>.Count;
        }
        for (; i < values.Length; i++) if (double.IsNaN(values[i])) return true;
        return false;
    }

    /// <summary>True when some value is +∞ or −∞.</summary>
    public static bool AnyInfinity(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var found = Vector256<double>.Zero;
            var infinity = Vector256.Create(double.PositiveInfinity);
            foreach (var v in MemoryMarshal.Cast<double, Vector256<double>>(values)) found |= Vector256.Equals(Vector256.Abs(v), infinity);
            if (found.AsUInt64() != Vector256<ulong>.Zero) return true;
            i = values.Length - values.Length % Vector256<double>.Count;
        }
        for (; i < values.Length; i++) if (double.IsInfinity(values[i])) return true;
        return false;
    }
}
