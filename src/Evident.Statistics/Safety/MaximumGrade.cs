namespace Evident.Statistics.Safety;

/// <summary>
/// Participants by the highest grade of any adverse event they had (CTCAE grades 1–5; grade 0 = no adverse event),
/// per arm: the "worst grade" table of a DSMB report, in which each participant counts once.
/// </summary>
public static class MaximumGrade
{
    /// <summary>The highest grade of each participant, counted by arm.</summary>
    /// <param name="subjectArm">Arm code of each participant, 0 ≤ code &lt; <paramref name="armCount"/>.</param>
    /// <param name="armCount">Number of arms, ≥ 1.</param>
    /// <param name="eventSubject">Participant index of each adverse event (into <paramref name="subjectArm"/>).</param>
    /// <param name="eventGrade">Grade of each adverse event, 1–5.</param>
    /// <exception cref="ArgumentException">The event spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An arm code, participant index or grade is out of range.</exception>
    public static MaximumGradeTable Tabulate(ReadOnlySpan<int> subjectArm, int armCount, ReadOnlySpan<int> eventSubject, ReadOnlySpan<int> eventGrade)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(armCount, 1);
        if (eventGrade.Length != eventSubject.Length) throw new ArgumentException("eventSubject and eventGrade differ in length.", nameof(eventGrade));
        var highest = new int[subjectArm.Length];
        for (int e = 0; e < eventSubject.Length; e++)
        {
            int s = eventSubject[e], g = eventGrade[e];
            if ((uint)s >= (uint)highest.Length) throw new ArgumentOutOfRangeException(nameof(eventSubject), s, $"Adverse event {e + 1} names participant {s}, outside 0 to {highest.Length - 1}.");
            if (g is < 1 or > MaximumGradeTable.HighestGrade) throw new ArgumentOutOfRangeException(nameof(eventGrade), g, $"Adverse event {e + 1} has grade {g}; a grade is 1 to 5.");
            if (g > highest[s]) highest[s] = g;
        }
        var counts = new int[armCount * (MaximumGradeTable.HighestGrade + 1)];
        var size = new int[armCount];
        for (int s = 0; s < subjectArm.Length; s++)
        {
            int arm = subjectArm[s];
            if ((uint)arm >= (uint)armCount) throw new ArgumentOutOfRangeException(nameof(subjectArm), arm, $"Participant {s} has arm code {arm}, outside 0 to {armCount - 1}.");
            size[arm]++;
            counts[arm * (MaximumGradeTable.HighestGrade + 1) + highest[s]]++;
        }
        return new MaximumGradeTable(size, counts);
    }
}
