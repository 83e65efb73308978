using Evident.Statistics.Safety;

namespace Evident.Statistics.Tests.Safety;

/// <summary>Participants counted once, at their highest grade; no event is grade 0.</summary>
public sealed class MaximumGradeTests
{
    [Fact]
    public void Each_participant_counts_once_at_the_highest_grade()
    {
        // Participants 0–2 in arm 0, 3–4 in arm 1. P0: grades 1, 3, 2 → 3; P1: none → 0; P2: 5; P3: 2, 2 → 2; P4: none.
        var table = MaximumGrade.Tabulate([0, 0, 0, 1, 1], 2, [0, 0, 0, 2, 3, 3], [1, 3, 2, 5, 2, 2]);
        Assert.Equal([1, 0, 0, 1, 0, 1], Enumerable.Range(0, 6).Select(g => table.Count(0, g)));
        Assert.Equal([1, 0, 1, 0, 0, 0], Enumerable.Range(0, 6).Select(g => table.Count(1, g)));
        Assert.Equal(3, table.Participants(0));
        Assert.Equal(100.0 / 3, table.Percent(0, 3), 12);
    }

    [Fact]
    public void Event_order_does_not_matter()
    {
        var a = MaximumGrade.Tabulate([0, 1], 2, [0, 1, 0], [4, 1, 2]);
        var b = MaximumGrade.Tabulate([0, 1], 2, [0, 0, 1], [2, 4, 1]);
        Assert.Equal(Enumerable.Range(0, 6).Select(g => a.Count(0, g)), Enumerable.Range(0, 6).Select(g => b.Count(0, g)));
    }

    [Fact]
    public void An_empty_arm_has_no_percentage()
    {
        var table = MaximumGrade.Tabulate([0], 2, [], []);
        Assert.Equal(0, table.Participants(1));
        Assert.True(double.IsNaN(table.Percent(1, 0)));
        Assert.Equal(1, table.Count(0, 0));
    }

    [Fact]
    public void Out_of_range_input_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumGrade.Tabulate([0], 1, [0], [6]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumGrade.Tabulate([0], 1, [0], [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumGrade.Tabulate([0], 1, [1], [2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumGrade.Tabulate([2], 2, [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumGrade.Tabulate([0], 0, [], []));
        Assert.Throws<ArgumentException>(() => MaximumGrade.Tabulate([0], 1, [0, 0], [1]));
    }
}
