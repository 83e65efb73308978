namespace Evident.Statistics.Safety;

/// <summary>Participants by highest adverse-event grade and arm (see <see cref="MaximumGrade.Tabulate"/>).</summary>
public sealed record MaximumGradeTable
{
    /// <summary>The highest CTCAE grade (5, death related to the adverse event).</summary>
    public const int HighestGrade = 5;

    private readonly int[] _size;
    private readonly int[] _counts;

    internal MaximumGradeTable(int[] size, int[] counts)
    {
        _size = size;
        _counts = counts;
    }

    /// <summary>Number of arms.</summary>
    public int ArmCount => _size.Length;

    /// <summary>Participants in <paramref name="arm"/>.</summary>
    /// <param name="arm">Arm code.</param>
    public int Participants(int arm) => _size[arm];

    /// <summary>Participants of <paramref name="arm"/> whose highest grade is <paramref name="grade"/> (0 = no adverse event).</summary>
    /// <param name="arm">Arm code.</param>
    /// <param name="grade">0 to <see cref="HighestGrade"/>.</param>
    public int Count(int arm, int grade)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(grade);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grade, HighestGrade);
        return _counts[arm * (HighestGrade + 1) + grade];
    }

    /// <summary>Percentage of <paramref name="arm"/>'s participants whose highest grade is <paramref name="grade"/>; NaN for an empty arm.</summary>
    /// <param name="arm">Arm code.</param>
    /// <param name="grade">0 to <see cref="HighestGrade"/>.</param>
    public double Percent(int arm, int grade) => _size[arm] == 0 ? double.NaN : 100.0 * Count(arm, grade) / _size[arm];
}
