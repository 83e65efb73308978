namespace Evident.Protocol;

/// <summary>
/// Which columns feed each concept (YAML <c>data:</c>), for the simple patient-level layout, for ADaM, or for both (then
/// the two layouts of the same trial must give identical results).
/// </summary>
/// <remarks>
/// Equality compares the mapping (<see cref="Simple"/> and <see cref="Adam"/>), not <see cref="Sources"/>: the same
/// mapping written on other lines, or written back by <see cref="TrialProtocol.ToYaml"/>, is equal.
/// </remarks>
/// <param name="Simple">The simple layout, or null.</param>
/// <param name="Adam">The ADaM layout, or null. At least one of the two is given.</param>
public sealed record DataMapping(SimpleLayoutMapping? Simple, AdamMapping? Adam)
{
    /// <summary>Every column the mapping names, with the protocol line that names it (empty for a mapping built in code).</summary>
    public IReadOnlyList<ColumnSource> Sources { get; init; } = [];

    /// <summary>Where the protocol names <paramref name="column"/> of <paramref name="table"/>: the first such key, or null.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column name.</param>
    public ColumnSource? Locate(DataTableRole table, string column)
    {
        foreach (var source in Sources)
            if (source.Table == table && string.Equals(source.Column, column, StringComparison.Ordinal)) return source;
        return null;
    }

    /// <summary>Value equality of the mapping itself; <see cref="Sources"/> is ignored.</summary>
    /// <param name="other">The other mapping.</param>
    public bool Equals(DataMapping? other) =>
        ReferenceEquals(this, other) || (other is not null && Equals(Simple, other.Simple) && Equals(Adam, other.Adam));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Simple, Adam);
}
