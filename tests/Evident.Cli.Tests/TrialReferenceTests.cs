using System.Text.Json.Nodes;

namespace Evident.Cli.Tests;

/// <summary>
/// <c>evident analyze</c> on three public trials of R's survival package (colon: three arms, pbc, cgd) against the values
/// tests/fixtures/trials/make_trial_refs.R computed with R 4.2.2 and survival 3.5-3: results.json's <c>analyses</c>
/// block, key by key, to a relative tolerance of 1e-6 (R's and Evident's kernels agree to about 1e-9 on these data).
/// </summary>
public sealed class TrialReferenceTests
{
    private const double Tolerance = 1e-6;

    private static string TrialFile(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", "trials", relative);

    /// <summary>
    /// The protocols in today's keys (one milestone, confidence level 0.95, the default joint hazard-ratio model): every
    /// number they share with the issue-12 plan at level 0.95. Milestones of the plan that these protocols do not ask for
    /// are not looked for.
    /// </summary>
    [Theory]
    [InlineData("colon")]
    [InlineData("pbc")]
    [InlineData("cgd")]
    public void Todays_protocols_match_R_on_every_shared_number(string trial)
    {
        var results = Analyze($"protocols/{trial}.yaml", trial);
        var expected = Expected(trial, "95");
        var got = (JsonArray)results["analyses"]!;
        var primary = (JsonObject)expected["analyses"]![0]!;
        var failures = new List<string>();
        new JsonComparison(Tolerance, failures, SkippedKeys, lenientMilestones: true).Object(primary, (JsonObject)got[0]!, primary["endpoint"]!.GetValue<string>());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(primary["comparisons"]!.AsArray().Count, got[0]!["comparisons"]!.AsArray().Count);
    }

    /// <summary>
    /// The plans issue 12 asks for (<c>protocols/*-issue12.yaml</c>: secondary analyses, three milestones, joint and
    /// pairwise hazard ratios, nouns) at their level 0.90 and edited to 0.95: every analysis, every arm, milestone,
    /// comparison, stratum and subgroup level matches R, primary first.
    /// </summary>
    [Theory]
    [InlineData("colon", "90")]
    [InlineData("colon", "95")]
    [InlineData("pbc", "90")]
    [InlineData("pbc", "95")]
    [InlineData("cgd", "90")]
    [InlineData("cgd", "95")]
    public void Issue12_plans_match_R_in_every_analysis(string trial, string level)
    {
        string protocol = EditedProtocol($"{trial}-issue12", "confidence_level: 0.90", $"confidence_level: 0.{level}");
        var results = Analyze(protocol, trial);
        File.Delete(protocol);
        var expected = Expected(trial, level)["analyses"]!.AsArray();
        var got = results["analyses"]!.AsArray();
        Assert.Equal(expected.Select(a => (a!["endpoint"]!.GetValue<string>(), a["role"]!.GetValue<string>())),
                     got.Select(a => (a!["endpoint"]!.GetValue<string>(), a["role"]!.GetValue<string>())));
        var failures = new List<string>();
        for (int i = 0; i < expected.Count; i++)
            new JsonComparison(Tolerance, failures, SkippedKeys, lenientMilestones: false).Object((JsonObject)expected[i]!, (JsonObject)got[i]!, expected[i]!["endpoint"]!.GetValue<string>());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// A secondary analysis gets a section of its own in the report, its Kaplan–Meier figures, and its sentences in the
    /// summary with its own test; sentences use the endpoint's <c>noun</c>.
    /// </summary>
    [Fact]
    public void Secondary_analysis_has_its_own_section_figures_and_sentences()
    {
        var (results, report, summary) = Outputs("protocols/colon-issue12.yaml", "colon");
        Assert.Contains("<section id=\"secondary-death\"><h2>Secondary analysis: Overall survival</h2>", report, StringComparison.Ordinal);
        Assert.Contains("Overall survival: All participants", report, StringComparison.Ordinal);
        double p = results["analyses"]![1]!["comparisons"]![1]!["logrank_p"]!.GetValue<double>();
        // Lev+5FU vs Obs, death: R's survdiff on the two arms' participants, stratified by node4.
        Assert.Equal(Expected("colon", "90")["analyses"]![1]!["comparisons"]![1]!["logrank_p"]!.GetValue<double>(), p, 1e-9);
        Assert.Contains("Levamisole + fluorouracil reduced the hazard of a death compared with observation", summary, StringComparison.Ordinal);
        Assert.Contains("the hazard of a recurrence compared with observation", summary, StringComparison.Ordinal);
        // Subgroup table: the interaction likelihood-ratio p and the participants left out for a missing value (differ: 17 of Lev and Obs).
        Assert.Contains("<th scope=\"col\">Interaction p (LR)</th><th scope=\"col\">Missing</th>", report, StringComparison.Ordinal);
        Assert.Equal(17, results["analyses"]![0]!["subgroups"]!.AsArray().Single(s => s!["arm"]!.GetValue<string>() == "lev" && s["by"]!.GetValue<string>() == "differ")!["missing"]!.GetValue<int>());
    }

    /// <summary>
    /// <c>hazard_ratio_model: pairwise</c> fits each comparison on its two arms only: R's <c>coxph</c> on the subset,
    /// overall (stratified) and within each stratum; the default joint model is checked by the theory above.
    /// </summary>
    [Fact]
    public void Pairwise_hazard_ratios_match_R_on_the_two_arms_subset()
    {
        string protocol = EditedProtocol("colon", "    conf_type: log\n", "    conf_type: log\n    hazard_ratio_model: pairwise\n");
        var got = Analyze(protocol, "colon")["analyses"]![0]!;
        File.Delete(protocol);
        var expected = Expected("colon", "95")["analyses"]![0]!;
        Assert.Equal("pairwise", got["hazard_ratio_model"]!.GetValue<string>());
        var groups = new[] { (expected, got) }.Concat(expected["strata"]!.AsArray().Select(e =>
            (e!, got["strata"]!.AsArray().Single(g => g!["stratum"]!.GetValue<string>() == e!["stratum"]!.GetValue<string>())!)));
        int compared = 0;
        foreach (var (e, g) in groups)
            foreach (var comparison in e["comparisons"]!.AsArray())
            {
                var pairwise = comparison!["hazard_ratios"]!["pairwise"]!;
                var mine = g["comparisons"]!.AsArray().Single(c => c!["arm"]!.GetValue<string>() == comparison["arm"]!.GetValue<string>())!;
                foreach (string key in new[] { "hazard_ratio", "conf_low", "conf_high", "hazard_ratio_p" })
                {
                    double r = pairwise[key]!.GetValue<double>();
                    Assert.True(Math.Abs(mine[key]!.GetValue<double>() - r) <= Tolerance * Math.Max(1, Math.Abs(r)), $"{comparison["arm"]} {key}");
                    compared++;
                }
                Assert.NotEqual(comparison["hazard_ratios"]!["joint"]!["hazard_ratio"]!.GetValue<double>(), mine["hazard_ratio"]!.GetValue<double>());
            }
        Assert.Equal(24, compared);
    }

    /// <summary>
    /// With <c>confidence_level: 0.90</c> every interval is a 90% interval (survival, hazard ratios, RMST, the safety
    /// risk difference and Mantel–Haenszel odds ratio) and every label says 90%: R's values at 0.90 on cgd.
    /// </summary>
    [Fact]
    public void Confidence_level_090_is_the_level_of_every_interval_and_every_label()
    {
        string protocol = EditedProtocol("cgd", "confidence_level: 0.95", "confidence_level: 0.90");
        var (results, report, summary) = Outputs(protocol, "cgd");
        File.Delete(protocol);
        var expected = Expected("cgd", "90");
        var failures = new List<string>();
        var primary = (JsonObject)expected["analyses"]![0]!;
        new JsonComparison(Tolerance, failures, SkippedKeys, lenientMilestones: true).Object(primary, (JsonObject)results["analyses"]![0]!, "infection");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0.9, results["analyses"]![0]!["confidence_level"]!.GetValue<double>());

        var mantelHaenszel = expected["safety"]!["comparison"]!["mantel_haenszel"]!;
        var comparison = results["safety"]!["terms"]![0]!["comparisons"]![0]!;
        foreach (var (mine, theirs) in new[] { ("cmh_odds_ratio", "common_odds_ratio"), ("cmh_odds_ratio_conf_low", "conf_low"), ("cmh_odds_ratio_conf_high", "conf_high") })
            Assert.Equal(mantelHaenszel[theirs]!.GetValue<double>(), comparison[mine]!.GetValue<double>(), 1e-9);
        // Wald risk difference at 90%: d ± z(0.95)·se, se from the two proportions (30/65 placebo, 14/63 interferon).
        double p1 = 14.0 / 63, p0 = 30.0 / 65, se = Math.Sqrt(p1 * (1 - p1) / 63 + p0 * (1 - p0) / 65);
        Assert.Equal(p1 - p0 - 1.6448536269514722 * se, comparison["risk_difference_conf_low"]!.GetValue<double>(), 1e-12);

        Assert.DoesNotContain("95%", report, StringComparison.Ordinal);
        Assert.DoesNotContain("95%", summary, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">HR (90% CI)</th><th scope=\"col\">p</th>", report, StringComparison.Ordinal); // subgroup table
        Assert.Matches(@"<text[^>]*>\s*HR \(90% CI\)\s*</text>", report); // forest plot column
        Assert.Contains("Risk difference (90% CI)", report, StringComparison.Ordinal);
        Assert.Contains("90% CI", summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// Three arms: Gray's test across the arms compares all three at once, so its sentence gives every arm's incidence,
    /// names the test as across the arms and says no arm rose or fell; a direction is claimed only for two named arms on
    /// their own two-arm Gray's test (Lev+5FU vs Obs: p = 1.1e-5 in R's cuminc on the two arms).
    /// </summary>
    [Fact]
    public void A_three_arm_grays_test_backs_no_claim_about_two_arms()
    {
        var (_, _, summary) = Outputs("protocols/colon-issue12.yaml", "colon");
        Assert.Contains("Gray's test across the 3 arms", summary, StringComparison.Ordinal);
        Assert.Contains("with observation, ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Recurrence: 1095.75-day cumulative incidence fell", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Recurrence: 1095.75-day cumulative incidence rose", summary, StringComparison.Ordinal);
        Assert.Contains("Recurrence, levamisole + fluorouracil vs observation: 1095.75-day cumulative incidence fell (33.9% with levamisole + fluorouracil vs 48.6% with observation; Gray's test p < 0.001).", summary, StringComparison.Ordinal);
        Assert.Contains("Recurrence, levamisole vs observation: did not differ between these two arms", summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>milestone: [1095.75, 1826.25, 3250]</c>: every milestone of every arm, overall and per stratum, matches R, and
    /// 3250 days (past the observation arm's last follow-up, and every arm's in the "more than 4 nodes" stratum) is not
    /// estimable: null numbers with the reason in results.json, the words in the report, never a number.
    /// </summary>
    [Fact]
    public void Several_milestones_match_R_and_one_past_the_follow_up_is_not_estimable()
    {
        string protocol = EditedProtocol("colon", "    milestone: 1826.25         # 5 years", "    milestone: [1095.75, 1826.25, 3250]");
        var (results, report, summary) = Outputs(protocol, "colon");
        File.Delete(protocol);
        var primary = (JsonObject)Expected("colon", "95")["analyses"]![0]!;
        var failures = new List<string>();
        new JsonComparison(Tolerance, failures, SkippedKeys, lenientMilestones: false).Object(primary, (JsonObject)results["analyses"]![0]!, "recurrence");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var observation = results["analyses"]![0]!["arms"]!.AsArray().Single(a => a!["arm"]!.GetValue<string>() == "obs")!;
        var late = observation["milestones"]![2]!;
        Assert.Equal((3250.0, false, "follow-up too short"), (late["time"]!.GetValue<double>(), late["estimable"]!.GetValue<bool>(), late["reason"]!.GetValue<string>()));
        Assert.Null(late["survival"]);
        Assert.Contains("<td>not estimable (follow-up too short)</td>", report, StringComparison.Ordinal);
        Assert.Contains("time to recurrence at 3250 days: not estimable (follow-up too short)", summary, StringComparison.Ordinal);
        // A label that is not a survival probability never "was" a percentage.
        Assert.DoesNotContain("-day Time to recurrence was", summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// Cumulative incidence (cmprsk <c>cuminc</c>) at 4540 days is not estimable in the placebo arm of pbc (last
    /// follow-up 4523 days) and matches R in the D-penicillamine arm (4556 days).
    /// </summary>
    [Fact]
    public void Cumulative_incidence_past_an_arms_follow_up_is_not_estimable()
    {
        string protocol = EditedProtocol("pbc", "        events: [death]\n    milestone: 3652.5\n", "        events: [death]\n    milestone: 4540\n");
        var (results, report, _) = Outputs(protocol, "pbc");
        File.Delete(protocol);
        var expected = Expected("pbc", "95")["competing_risks"]!["causes"]!.AsArray();
        foreach (var cause in results["relapse_sites"]!["causes"]!.AsArray())
            foreach (var arm in cause!["arms"]!.AsArray())
            {
                var r = expected.Single(c => c!["cause"]!.GetValue<string>() == cause["cause"]!.GetValue<string>())!["arms"]!.AsArray()
                                .Single(a => a!["arm"]!.GetValue<string>() == arm!["arm"]!.GetValue<string>())!["milestones"]!.AsArray()
                                .Single(m => m!["time"]!.GetValue<double>() == 4540)!;
                Assert.Equal(r["estimable"]!.GetValue<bool>(), arm!["estimable"]!.GetValue<bool>());
                if (r["incidence"] is null) Assert.Null(arm["incidence"]);
                else Assert.Equal(r["incidence"]!.GetValue<double>(), arm["incidence"]!.GetValue<double>(), 1e-9);
            }
        Assert.Contains("not estimable (follow-up too short)", report, StringComparison.Ordinal);
    }

    /// <summary>An RMST horizon beyond the shortest of the two arms' longest follow-up is refused with the reason, as survRM2 refuses it.</summary>
    [Fact]
    public void Rmst_horizon_past_the_shortest_follow_up_is_refused()
    {
        string protocol = EditedProtocol("colon", "    rmst_horizon: 1826.25", "    rmst_horizon: 3287.25");
        var (results, report, _) = Outputs(protocol, "colon");
        File.Delete(protocol);
        foreach (var comparison in results["analyses"]![0]!["comparisons"]!.AsArray())
        {
            var rmst = comparison!["rmst"]!;
            Assert.True(rmst["refused"]!.GetValue<bool>());
            Assert.Equal("tau is beyond the shortest of the arms' longest follow-up", rmst["reason"]!.GetValue<string>());
            Assert.Null(rmst["difference"]);
            Assert.True(rmst["tau_limit"]!.GetValue<double>() < 3287.25);
        }
        Assert.False(results["overall"]!.AsObject().ContainsKey("rmst_difference"));
        Assert.Contains("not estimable: τ is beyond the shortest of the two arms' longest follow-up", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_arms_each_comparison_has_its_own_log_rank_test_and_the_global_test_is_separate()
    {
        var results = Analyze("protocols/colon.yaml", "colon");
        var analysis = results["analyses"]![0]!;
        var comparisons = analysis["comparisons"]!.AsArray();
        double global = analysis["global_logrank"]!["p"]!.GetValue<double>();
        Assert.Equal(2, analysis["global_logrank"]!["df"]!.GetValue<int>());
        Assert.True(global < 0.001);
        Assert.True(comparisons[0]!["logrank_p"]!.GetValue<double>() > 0.5); // Lev vs Obs: R survdiff on the subset gives p = 0.83
        // Today's top-level keys keep the stratified k-arm test and the first comparison's hazard ratio.
        Assert.Equal(global, results["overall"]!["stratified_logrank_p"]!.GetValue<double>());
        Assert.Equal(comparisons[0]!["hazard_ratio"]!.GetValue<double>(), results["overall"]!["hazard_ratio"]!.GetValue<double>());
    }

    [Fact]
    public void Clinician_summary_quotes_each_comparisons_own_test()
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-trials-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = Fixtures.Run("analyze", TrialFile("protocols/colon.yaml"), "--data", TrialFile("data/colon.csv"), "--out", directory);
        Assert.True(code == 0, stderr);
        string summary = File.ReadAllText(Path.Combine(directory, "summary.md"));
        Assert.Contains("Levamisole did not significantly change the hazard", summary, StringComparison.Ordinal);
        Assert.Contains("stratified log-rank p = 0.83", summary, StringComparison.Ordinal);
        Assert.Contains("Levamisole + fluorouracil reduced the hazard", summary, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Keys not compared: none today (the subgroup interaction tests are compared too).</summary>
    private static readonly HashSet<string> SkippedKeys = [];

    internal static JsonObject Analyze(string protocol, string trial) => Outputs(protocol, trial).Results;

    /// <summary>Runs <c>evident analyze</c> and reads results.json, report.html and summary.md.</summary>
    internal static (JsonObject Results, string Report, string Summary) Outputs(string protocol, string trial, params string[] extra)
    {
        string directory = Path.Combine(Path.GetTempPath(), "evident-trials-" + Guid.NewGuid().ToString("N"));
        var args = new List<string> { "analyze", Path.IsPathRooted(protocol) ? protocol : TrialFile(protocol), "--out", directory };
        if (!extra.Contains("--data")) args.AddRange(["--data", TrialFile($"data/{trial}.csv")]);
        if (trial == "cgd") args.AddRange(["--ae", TrialFile("data/cgd-adverse-events.csv")]);
        args.AddRange(extra);
        var (code, _, stderr) = Fixtures.Run([.. args]);
        Assert.True(code == 0, stderr);
        var results = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "results.json")))!;
        string report = File.ReadAllText(Path.Combine(directory, "report.html"));
        string summary = File.ReadAllText(Path.Combine(directory, "summary.md"));
        Directory.Delete(directory, recursive: true);
        return (results, report, summary);
    }

    /// <summary>A copy of a trial's protocol with one edit, in a temporary file the caller deletes.</summary>
    internal static string EditedProtocol(string trial, string find, string replace)
    {
        string text = File.ReadAllText(TrialFile($"protocols/{trial}.yaml"));
        Assert.Contains(find, text, StringComparison.Ordinal);
        string path = Path.Combine(Path.GetTempPath(), $"{trial}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }

    internal static JsonObject Expected(string trial, string level) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(TrialFile($"expected/{trial}-{level}.json")))!;
}
