using System.Numerics;
using System.Runtime.InteropServices;

namespace Evident.Data;

/// <summary>
/// Whole-column checks of the model frame, a vector at a time: most columns pass, so one vectorised pass decides, and
/// only a column that fails is walked value by value to name the offending row.
/// </summary>
internal static class ColumnChecks
{
    /// <summary>True when some value is NaN (a missing value).</summary>
    public static bool AnyNaN(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var found = Vector<long>.Zero;
            foreach (var v in MemoryMarshal.Cast<double, Vector<double>>(values)) found |= ~Vector.Equals(v, v);
            if (found != Vector<long>.Zero) return true;
            i = values.Length - values.Length % Vector<double>.Count;
        }
        for (; i < values.Length; i++) if (double.IsNaN(values[i])) return true;
        return false;
    }

    /// <summary>True when some value is +∞ or −∞.</summary>
    public static bool AnyInfinity(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var found = Vector<long>.Zero;
            var infinity = new Vector<double>(double.PositiveInfinity);
            foreach (var v in MemoryMarshal.Cast<double, Vector<double>>(values)) found |= Vector.Equals(Vector.Abs(v), infinity);
            if (found != Vector<long>.Zero) return true;
            i = values.Length - values.Length % Vector<double>.Count;
        }
        for (; i < values.Length; i++) if (double.IsInfinity(values[i])) return true;
        return false;
    }
}
