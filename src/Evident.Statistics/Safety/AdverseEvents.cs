using Evident.Statistics.Internal;
using Evident.Statistics.Survival;

namespace Evident.Statistics.Safety;

/// <summary>
/// Summarizes adverse events recorded one row per event (CDISC ADAE shape) into a <see cref="SafetyTable"/>.
/// </summary>
/// <remarks>
/// <para>
/// Contract: events are given as parallel spans (subject code, term code, grade) in any order; subjects as parallel
/// spans (arm code, stratum code) indexed by subject code. Every subject listed counts in its arm's denominator,
/// with or without events (participants without events have no ADAE rows, so the subject list — not the event rows —
/// defines the denominators). A participant counts once per term when any of their events of that term has grade
/// ≥ minGrade, i.e. when their worst grade for the term reaches it; the "any term" row counts participants with any
/// such event.
/// </para>
/// <para>
/// Cost: one counting sort of the qualifying events by term and one pass with a per-subject stamp (no hashing):
/// O(events + subjects + terms·arms·strata), plus the Fisher tests, each linear in the smaller margin.
/// </para>
/// </remarks>
public static class AdverseEvents
{
    /// <summary>Builds the adverse-event incidence table.</summary>
    /// <param name="eventSubject">Per event: the subject code, 0 ≤ code &lt; subjectArm.Length.</param>
    /// <param name="eventTerm">Per event: the term code, 0 ≤ code &lt; <paramref name="termCount"/>.</param>
    /// <param name="eventGrade">Per event: the grade, 1–5.</param>
    /// <param name="subjectArm">Per subject code: the arm code, 0 ≤ code &lt; <paramref name="armCount"/>; every arm needs ≥ 1 subject.</param>
    /// <param name="subjectStratum">Per subject code: the stratum code, 0 ≤ code &lt; <paramref name="stratumCount"/>; empty = one stratum.</param>
    /// <param name="termCount">Number of terms, ≥ 0.</param>
    /// <param name="armCount">Number of arms, ≥ 1.</param>
    /// <param name="stratumCount">Number of strata, ≥ 1; the Cochran–Mantel–Haenszel test needs ≥ 2.</param>
    /// <param name="minGrade">Minimum grade counted, 1–5.</param>
    /// <param name="referenceArm">The comparator arm code.</param>
    /// <param name="confLevel">Level of the risk-difference and odds-ratio intervals, 0 &lt; level &lt; 1.</param>
    /// <exception cref="ArgumentException">Spans of one kind differ in length; there are no subjects; an arm has no subjects.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A code or grade is out of range; the level is outside (0, 1).</exception>
    public static SafetyTable Summarize(ReadOnlySpan<int> eventSubject, ReadOnlySpan<int> eventTerm, ReadOnlySpan<int> eventGrade,
                                        ReadOnlySpan<int> subjectArm, ReadOnlySpan<int> subjectStratum,
                                        int termCount, int armCount, int stratumCount, int minGrade, int referenceArm = 0,
                                        double confLevel = 0.95)
    {
        NormalTail.CriticalValue(confLevel);
        Preconditions.CheckSameLength(eventSubject.Length, eventTerm.Length, nameof(eventTerm));
        Preconditions.CheckSameLength(eventSubject.Length, eventGrade.Length, nameof(eventGrade));
        Preconditions.CheckNotEmpty(subjectArm.Length, nameof(subjectArm));
        if (subjectStratum.Length != 0) Preconditions.CheckSameLength(subjectArm.Length, subjectStratum.Length, nameof(subjectStratum));
        if (termCount < 0) throw new ArgumentOutOfRangeException(nameof(termCount), termCount, "termCount must be ≥ 0.");
        SurvivalChecks.CheckCodes(subjectArm, armCount, nameof(subjectArm));
        if (subjectStratum.Length != 0) SurvivalChecks.CheckCodes(subjectStratum, stratumCount, nameof(subjectStratum));
        else if (stratumCount != 1) throw new ArgumentOutOfRangeException(nameof(stratumCount), stratumCount, "stratumCount must be 1 without stratum codes.");
        if (minGrade is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(minGrade), minGrade, "minGrade must be a grade from 1 to 5.");
        if ((uint)referenceArm >= (uint)armCount)
            throw new ArgumentOutOfRangeException(nameof(referenceArm), referenceArm, $"referenceArm must lie in 0..{armCount - 1}.");
        SurvivalChecks.CheckCodes(eventSubject, subjectArm.Length, nameof(eventSubject));
        if (termCount > 0) SurvivalChecks.CheckCodes(eventTerm, termCount, nameof(eventTerm));
        else if (eventTerm.Length > 0) throw new ArgumentOutOfRangeException(nameof(eventTerm), "events were given but termCount is 0.");
        for (int i = 0; i < eventGrade.Length; i++)
        {
            if (eventGrade[i] is < 1 or > 5)
                throw new ArgumentOutOfRangeException(nameof(eventGrade), eventGrade[i], $"eventGrade[{i}] = {eventGrade[i]}: grades run from 1 to 5.");
        }

        int cells = armCount * stratumCount;
        var cellOf = new int[subjectArm.Length];
        var sizes = new int[cells];
        for (int s = 0; s < cellOf.Length; s++)
        {
            cellOf[s] = subjectArm[s] * stratumCount + (subjectStratum.Length == 0 ? 0 : subjectStratum[s]);
            sizes[cellOf[s]]++;
        }
        var armSizes = new int[armCount];
        for (int c = 0; c < cells; c++) armSizes[c / stratumCount] += sizes[c];
        for (int g = 0; g < armCount; g++)
        {
            if (armSizes[g] == 0) throw new ArgumentException($"arm {g} has no subjects: every arm needs a denominator.", nameof(subjectArm));
        }

        // Counting sort of the qualifying events by term.
        var start = new int[termCount + 1];
        for (int i = 0; i < eventTerm.Length; i++)
            if (eventGrade[i] >= minGrade) start[eventTerm[i] + 1]++;
        for (int t = 0; t < termCount; t++) start[t + 1] += start[t];
        var subjectsByTerm = new int[start[termCount]];
        var fill = start.AsSpan(0, termCount).ToArray();
        for (int i = 0; i < eventTerm.Length; i++)
            if (eventGrade[i] >= minGrade) subjectsByTerm[fill[eventTerm[i]]++] = eventSubject[i];

        // A subject counts once per term: stamp it with the term it was last counted for.
        var stamp = new int[subjectArm.Length];
        Array.Fill(stamp, -1);
        var counts = new int[cells];
        var context = new Context(armCount, stratumCount, referenceArm, confLevel, sizes, armSizes);
        var terms = new SafetyTermSummary[termCount];
        for (int t = 0; t < termCount; t++)
        {
            Array.Clear(counts);
            for (int j = start[t]; j < start[t + 1]; j++)
            {
                int subject = subjectsByTerm[j];
                if (stamp[subject] == t) continue;
                stamp[subject] = t;
                counts[cellOf[subject]]++;
            }
            terms[t] = context.Row(t, counts);
        }

        Array.Clear(counts);
        var any = new bool[subjectArm.Length];
        foreach (int subject in subjectsByTerm)
        {
            if (any[subject]) continue;
            any[subject] = true;
            counts[cellOf[subject]]++;
        }
        return new SafetyTable(minGrade, referenceArm, Array.AsReadOnly(armSizes), Split(sizes, armCount, stratumCount),
                               Array.AsReadOnly(terms), context.Row(-1, counts));
    }

    private static IReadOnlyList<IReadOnlyList<int>> Split(int[] cells, int armCount, int stratumCount)
    {
        var rows = new IReadOnlyList<int>[armCount];
        for (int g = 0; g < armCount; g++) rows[g] = Array.AsReadOnly(cells.AsSpan(g * stratumCount, stratumCount).ToArray());
        return Array.AsReadOnly(rows);
    }

    /// <summary>What every row shares: the denominators and the comparison settings.</summary>
    private sealed class Context(int armCount, int stratumCount, int referenceArm, double confLevel, int[] sizes, int[] armSizes)
    {
        private readonly int[] _a = new int[stratumCount], _b = new int[stratumCount], _c = new int[stratumCount], _d = new int[stratumCount];

        public SafetyTermSummary Row(int term, int[] counts)
        {
            var participants = new int[armCount];
            var proportions = new double[armCount];
            for (int g = 0; g < armCount; g++)
            {
                for (int k = 0; k < stratumCount; k++) participants[g] += counts[g * stratumCount + k];
                proportions[g] = (double)participants[g] / armSizes[g];
            }
            var comparisons = new SafetyComparison[armCount - 1];
            int next = 0;
            for (int g = 0; g < armCount; g++)
            {
                if (g == referenceArm) continue;
                int e1 = participants[g], n1 = armSizes[g], e0 = participants[referenceArm], n0 = armSizes[referenceArm];
                comparisons[next++] = new SafetyComparison(g, referenceArm, RiskDifference.Wald(e1, n1, e0, n0, confLevel),
                                                           FisherExact.Test(e1, n1 - e1, e0, n0 - e0), Stratified(g, counts));
            }
            return new SafetyTermSummary(term, Array.AsReadOnly(participants), Array.AsReadOnly(proportions),
                                         Split(counts, armCount, stratumCount), Array.AsReadOnly(comparisons));
        }

        private MantelHaenszelTest? Stratified(int arm, int[] counts)
        {
            if (stratumCount < 2) return null;
            int used = 0;
            for (int k = 0; k < stratumCount; k++)
            {
                int i1 = arm * stratumCount + k, i0 = referenceArm * stratumCount + k;
                if (sizes[i1] + sizes[i0] < 2) continue;
                _a[used] = counts[i1];
                _b[used] = sizes[i1] - counts[i1];
                _c[used] = counts[i0];
                _d[used] = sizes[i0] - counts[i0];
                used++;
            }
            if (used == 0) return null;
            return MantelHaenszel.Test(_a.AsSpan(0, used), _b.AsSpan(0, used), _c.AsSpan(0, used), _d.AsSpan(0, used),
                                       continuityCorrection: true, confLevel);
        }
    }
}
