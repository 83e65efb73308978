using System.Text.Json;
using Evident.Statistics.Tests.Milestone;
using Evident.Statistics.Safety;

namespace Evident.Statistics.Tests.Safety;

/// <summary>
/// The adverse-event table against R (make_refs.R on the synthetic ADAE: aggregate(max) per participant and term,
/// fisher.test, mantelhaen.test; rel 1e-6) and its counting rules.
/// </summary>
public sealed class AdverseEventsTests
{
    /// <summary>The ADAE and subject list coded as the CLI codes them (ordinal order of arms, regions, terms).</summary>
    private sealed record Coded(int[] Subject, int[] Term, int[] Grade, int[] Arm, int[] Stratum, string[] Arms, string[] Terms, int StratumCount)
    {
        public static Coded Load(bool subjectList)
        {
            var ae = MilestoneSafetyFixtures.Data("data/adae.csv");
            var list = subjectList ? MilestoneSafetyFixtures.Data("data/subjects.csv") : ae;
            var ids = list.Column("USUBJID");
            var index = new Dictionary<string, int>();
            var armOf = new List<string>();
            var regionOf = new List<string>();
            var listArms = list.Column("ARM");
            var listRegions = list.Column("REGION");
            for (int i = 0; i < ids.Length; i++)
            {
                if (index.ContainsKey(ids[i])) continue;
                index[ids[i]] = armOf.Count;
                armOf.Add(listArms[i]);
                regionOf.Add(listRegions[i]);
            }
            var arms = armOf.Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
            var regions = regionOf.Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
            var termColumn = ae.Column("AEDECOD");
            var terms = termColumn.Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
            return new Coded(ae.Column("USUBJID").Select(s => index[s]).ToArray(), termColumn.Select(t => Array.IndexOf(terms, t)).ToArray(),
                             ae.Numbers("AETOXGR").Select(g => (int)g).ToArray(), armOf.Select(a => Array.IndexOf(arms, a)).ToArray(),
                             regionOf.Select(r => Array.IndexOf(regions, r)).ToArray(), arms, terms, regions.Length);
        }
    }

    [Theory]
    [InlineData("adae-safety-grade3-region", true, 3, true)]
    [InlineData("adae-safety-any-grade-ae-denominator", false, 1, false)]
    public void Matches_R(string name, bool subjectList, int minGrade, bool stratified)
    {
        var expected = MilestoneSafetyFixtures.Case(name, out double rel, out double abs);
        var d = Coded.Load(subjectList);
        int reference = Array.IndexOf(d.Arms, "Placebo");
        var table = AdverseEvents.Summarize(d.Subject, d.Term, d.Grade, d.Arm, stratified ? d.Stratum : [], d.Terms.Length, d.Arms.Length,
                                            stratified ? d.StratumCount : 1, minGrade, reference);
        Assert.Equal(minGrade, table.MinGrade);
        foreach (var arm in expected.GetProperty("arms").EnumerateArray())
            Assert.Equal(arm.GetProperty("n").GetInt32(), table.ArmSizes[ArmOf(d, arm)]);
        foreach (var term in expected.GetProperty("terms").EnumerateArray())
        {
            string label = term.GetProperty("term").GetString()!;
            AssertRow(term, table.Terms[Array.IndexOf(d.Terms, label)], d, rel, abs, $"{name}[{label}]");
        }
        AssertRow(expected.GetProperty("any_term"), table.AnyTerm, d, rel, abs, $"{name}[any]");
        Assert.Equal(-1, table.AnyTerm.Term);
    }

    private static int ArmOf(Coded d, JsonElement item) =>
        Array.IndexOf(d.Arms, item.GetProperty("group").GetProperty("ARM").GetString());

    private static void AssertRow(JsonElement expected, SafetyTermSummary row, Coded d, double rel, double abs, string where)
    {
        foreach (var arm in expected.GetProperty("arms").EnumerateArray())
        {
            int g = ArmOf(d, arm);
            Assert.Equal(arm.GetProperty("participants").GetInt32(), row.Participants[g]);
            MilestoneSafetyFixtures.Close(arm, "percent", 100 * row.Proportions[g], rel, abs, where);
        }
        foreach (var c in expected.GetProperty("comparisons").EnumerateArray())
        {
            var actual = row.Comparisons.Single(x => x.Arm == ArmOf(d, c));
            string at = $"{where} {d.Arms[actual.Arm]}";
            var rd = c.GetProperty("risk_difference");
            MilestoneSafetyFixtures.Close(rd, "estimate", actual.RiskDifference.Difference, rel, abs, at);
            MilestoneSafetyFixtures.Close(rd, "std_error", actual.RiskDifference.StdError, rel, abs, at);
            MilestoneSafetyFixtures.Close(rd, "conf_low", actual.RiskDifference.Lower, rel, abs, at);
            MilestoneSafetyFixtures.Close(rd, "conf_high", actual.RiskDifference.Upper, rel, abs, at);
            var f = c.GetProperty("fisher");
            MilestoneSafetyFixtures.Close(f, "p_value", actual.Fisher.PValue, rel, abs, at);
            MilestoneSafetyFixtures.Close(f, "p_less", actual.Fisher.PValueLess, rel, abs, at);
            MilestoneSafetyFixtures.Close(f, "p_greater", actual.Fisher.PValueGreater, rel, abs, at);
            if (!c.TryGetProperty("cmh", out var cmh))
            {
                Assert.Null(actual.MantelHaenszel);
                continue;
            }
            var mh = actual.MantelHaenszel!;
            MilestoneSafetyFixtures.Close(cmh, "statistic", mh.Test.Statistic, rel, abs, at);
            MilestoneSafetyFixtures.Close(cmh, "p_value", mh.Test.PValue, rel, abs, at);
            MilestoneSafetyFixtures.Close(cmh, "common_odds_ratio", mh.CommonOddsRatio, rel, abs, at);
            MilestoneSafetyFixtures.Close(cmh, "conf_low", mh.Lower, rel, abs, at);
            MilestoneSafetyFixtures.Close(cmh, "conf_high", mh.Upper, rel, abs, at);
        }
    }

    [Fact]
    public void A_participant_counts_once_per_term_at_the_worst_grade()
    {
        // Subject 0 (arm 0): term 0 at grades 1, 4, 2 → counted once at grade ≥ 3; subject 1 (arm 1): term 0 grade 2 only;
        // subject 2 (arm 1): term 1 grade 5 and term 0 grade 3. Subject 3 (arm 0) has no events.
        int[] subject = [0, 0, 0, 1, 2, 2];
        int[] term = [0, 0, 0, 0, 1, 0];
        int[] grade = [1, 4, 2, 2, 5, 3];
        int[] arm = [0, 1, 1, 0];
        var t = AdverseEvents.Summarize(subject, term, grade, arm, [], 2, 2, 1, minGrade: 3);
        Assert.Equal([2, 2], t.ArmSizes);
        Assert.Equal([1, 1], t.Terms[0].Participants);
        Assert.Equal([0, 1], t.Terms[1].Participants);
        Assert.Equal([1, 1], t.AnyTerm.Participants);
        Assert.Equal([0.5, 0.5], t.AnyTerm.Proportions);
        var all = AdverseEvents.Summarize(subject, term, grade, arm, [], 2, 2, 1, minGrade: 1);
        Assert.Equal([1, 2], all.Terms[0].Participants);
        var comparison = Assert.Single(t.Terms[1].Comparisons);
        Assert.Equal((1, 0), (comparison.Arm, comparison.ReferenceArm));
        Assert.Equal(0.5, comparison.RiskDifference.Difference);
        Assert.Equal(FisherExact.Test(1, 1, 0, 2), comparison.Fisher);
        Assert.Null(comparison.MantelHaenszel);
    }

    [Fact]
    public void Event_order_and_duplicated_events_do_not_change_the_table()
    {
        var d = Coded.Load(subjectList: true);
        var table = Summarize(d, d.Subject, d.Term, d.Grade);
        var order = Enumerable.Range(0, d.Subject.Length).Reverse().ToArray();
        var reversed = Summarize(d, order.Select(i => d.Subject[i]).ToArray(), order.Select(i => d.Term[i]).ToArray(), order.Select(i => d.Grade[i]).ToArray());
        var doubled = Summarize(d, [.. d.Subject, .. d.Subject], [.. d.Term, .. d.Term], [.. d.Grade, .. d.Grade]);
        for (int t = 0; t < d.Terms.Length; t++)
        {
            Assert.Equal(table.Terms[t].Participants, reversed.Terms[t].Participants);
            Assert.Equal(table.Terms[t].Participants, doubled.Terms[t].Participants);
            Assert.Equal(table.Terms[t].Comparisons[0].MantelHaenszel, doubled.Terms[t].Comparisons[0].MantelHaenszel);
        }
    }

    private static SafetyTable Summarize(Coded d, int[] subject, int[] term, int[] grade) =>
        AdverseEvents.Summarize(subject, term, grade, d.Arm, d.Stratum, d.Terms.Length, d.Arms.Length, d.StratumCount, 3, 2);

    [Fact]
    public void Strata_with_fewer_than_two_participants_are_left_out_of_the_CMH_test()
    {
        // Arms 0/1 in strata 0 and 1 (10 each) and stratum 2 with a single participant (arm 1, with the event).
        var arm = new List<int>();
        var stratum = new List<int>();
        for (int k = 0; k < 2; k++)
            for (int g = 0; g < 2; g++)
                for (int i = 0; i < 10; i++) { arm.Add(g); stratum.Add(k); }
        arm.Add(1);
        stratum.Add(2);
        int[] subject = [0, 1, 10, 11, 12, 20, 30, 31, 40];
        int[] term = new int[subject.Length];
        int[] grade = Enumerable.Repeat(3, subject.Length).ToArray();
        var t = AdverseEvents.Summarize(subject, term, grade, arm.ToArray(), stratum.ToArray(), 1, 2, 3, 3);
        var mh = t.Terms[0].Comparisons[0].MantelHaenszel!;
        Assert.Equal(2, mh.Strata);
        // Stratum 0: arm 1 has 3/10, arm 0 has 2/10; stratum 1: arm 1 has 2/10, arm 0 has 1/10.
        Assert.Equal(MantelHaenszel.Test([3, 2], [7, 8], [2, 1], [8, 9]), mh);
        Assert.Equal([[10, 10, 0], [10, 10, 1]], t.ArmSizesByStratum.Select(r => r.ToArray()).ToArray());
        Assert.Equal([[2, 1, 0], [3, 2, 1]], t.Terms[0].ParticipantsByStratum.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void No_events_one_subject_per_arm_and_all_tied_grades()
    {
        var none = AdverseEvents.Summarize([], [], [], [0, 1], [], 0, 2, 1, 3);
        Assert.Empty(none.Terms);
        Assert.Equal([0, 0], none.AnyTerm.Participants);
        Assert.Equal(1.0, none.AnyTerm.Comparisons[0].Fisher.PValue);

        var tied = AdverseEvents.Summarize([0, 1], [0, 0], [5, 5], [0, 1], [], 1, 2, 1, 5);
        Assert.Equal([1, 1], tied.Terms[0].Participants);
        Assert.Equal(0.0, tied.Terms[0].Comparisons[0].RiskDifference.Difference);
        Assert.Equal(1.0, tied.Terms[0].Comparisons[0].Fisher.PValue);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        int[] one = [0];
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvents.Summarize(one, one, [0], [0], [], 1, 1, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvents.Summarize(one, one, [6], [0], [], 1, 1, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvents.Summarize(one, one, [3], [0], [], 1, 1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvents.Summarize([1], one, [3], [0], [], 1, 1, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvents.Summarize(one, [1], [3], [0], [], 1, 1, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvents.Summarize(one, one, [3], [0], [], 1, 1, 1, 3, referenceArm: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdverseEvents.Summarize(one, one, [3], [0], [], 1, 1, 1, 3, confLevel: double.NaN));
        Assert.Throws<ArgumentException>(() => AdverseEvents.Summarize(one, one, [3, 3], [0], [], 1, 1, 1, 3));
        Assert.Throws<ArgumentException>(() => AdverseEvents.Summarize(one, one, [3], [], [], 1, 1, 1, 3));
        Assert.Throws<ArgumentException>(() => AdverseEvents.Summarize(one, one, [3], [0], [], 1, 2, 1, 3));
    }
}
