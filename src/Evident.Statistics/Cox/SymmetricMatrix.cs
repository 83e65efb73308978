using Evident.Statistics.Internal;

namespace Evident.Statistics.Cox;

/// <summary>A small immutable symmetric matrix (a covariance matrix of coefficients), stored densely.</summary>
public sealed class SymmetricMatrix
{
    private readonly double[] _values;

    internal SymmetricMatrix(int size, double[] values)
    {
        Preconditions.DebugAssert(values.Length == size * size);
        Size = size;
        _values = values;
    }

    /// <summary>The number of rows (= columns).</summary>
    public int Size { get; }

    /// <summary>The element in row <paramref name="row"/> and column <paramref name="column"/> (0-based).</summary>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(row), row, $"row must be in 0..{Size - 1}.");
            if ((uint)column >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(column), column, $"column must be in 0..{Size - 1}.");
            return _values[row * Size + column];
        }
    }

    /// <summary>The diagonal, for example the variances of the coefficients.</summary>
    public IReadOnlyList<double> Diagonal()
    {
        var d = new double[Size];
        for (int i = 0; i < Size; i++) d[i] = _values[i * Size + i];
        return Array.AsReadOnly(d);
    }

    /// <summary>A row-major copy of all elements (the caller owns it).</summary>
    public double[] ToArray() => (double[])_values.Clone();
}
