using Evident.Testing;
using Evident.Protocol;

namespace Evident.Protocol.Tests.Protocol;

/// <summary>
/// Each case edits the example protocol in one place and asserts the whole message: file, line, key path and reason.
/// The expected line is where <c>marker</c> sits in the edited text (by default the edited text itself).
/// </summary>
public sealed class ProtocolRejectionTests
{
    public static TheoryData<string, string, string?, string, string> Cases => new()
    {
        // find, replace, line marker (null = replace), key path, reason
        { "  block_sizes: [4, 6]", "  blok_sizes: [4, 6]", null, "allocation.blok_sizes",
          "unknown key 'blok_sizes'; did you mean 'block_sizes'? Keys allowed here: ratio, method, block_sizes, stratify_by, minimization, blinding" },
        { "    by_stratum: true\n    ties: efron", "    by_stratm: true\n    ties: efron", null, "analyses.primary.by_stratm",
          "unknown key 'by_stratm'; did you mean 'by_stratum'? Keys allowed here: endpoint, compare, stratify_by, by_stratum, ties, confidence_level, conf_type, hazard_ratio_model, test" },
        { "    conf_type: log", "    conf_type: log\n    hazard_ratio_model: separate", "hazard_ratio_model", "analyses.primary.hazard_ratio_model",
          "'separate' is not one of joint, pairwise" },
        { "    conf_type: log", "    conf_type: log\n    test: fh(1)", "test", "analyses.primary.test",
          "test = fh(1); expected logrank, fh(rho,gamma), maxcombo(rho,gamma;rho,gamma;...) or rmst(tau), e.g. fh(0,1) or maxcombo(0,0;0,1;1,0)." },
        { "    conf_type: log", "    conf_type: log\n    test: rmst(0)", "test", "analyses.primary.test",
          "test = 0; the RMST restriction time tau must be a positive finite number." },
        { "    milestone: 36              # 3-year DFS", "    milestone: [36, 60, 36]", null, "endpoints[0].milestone[2]",
          "milestone 36 is listed twice" },
        { "    milestone: 36              # 3-year DFS", "    milestone: [36, -60]", null, "endpoints[0].milestone[1]",
          "the milestone = -60; it must be positive" },
        { "time_unit: months", "timeunit: months", null, "timeunit",
          "unknown key 'timeunit'; did you mean 'time_unit'? Keys allowed here: trial, summary, time_unit, arms, allocation, strata, sites, covariates, eligibility, components, endpoints, data, design, analyses, follow_up_schedule, adverse_event_terms" },
        { "    compare: [blinatumomab]", "    compare: blina", null, "analyses.primary.compare",
          "arm 'blina' is not defined; arms are chemotherapy, blinatumomab" },
        { "    compare: [blinatumomab]", "    compare: [blinatumomab, blina]", null, "analyses.primary.compare[1]",
          "arm 'blina' is not defined; arms are chemotherapy, blinatumomab" },
        { "    compare: [blinatumomab]", "    compare: [chemotherapy]", null, "analyses.primary.compare[0]",
          "arm 'chemotherapy' is the control; 'compare' lists the arms compared with it" },
        { "    stratify_by: [risk]", "    stratify_by: [riks]", null, "analyses.primary.stratify_by[0]",
          "stratification factor 'riks' is not defined; stratification factors are risk" },
        { "\n  stratify_by: [risk]", "\n  stratify_by: [age]", "  stratify_by: [age]", "allocation.stratify_by[0]",
          "stratification factor 'age' is not defined; stratification factors are risk" },
        { "    by: [risk, sex]", "    by: [risk, age_group]", null, "analyses.subgroups.by[1]",
          "stratification factor or covariate 'age_group' is not defined; stratification factors and covariates are risk, sex" },
        { "values: {female: F, male: M}", "values: {female: F, mal: M}", null, "data.adam.adsl.covariates.sex.values.mal",
          "level 'mal' is not defined; the levels of 'sex' are female, male" },
        { "      risk: risk_group", "      risk:\n        column: risk_group\n        values: {SR-avg: '1', SR-high: '2'}", "values: {SR-avg", "data.simple.strata.risk.values.SR-avg",
          "level 'SR-avg' is not defined; the levels of 'risk' are SR-average, SR-high" },
        { "          blinatumomab: Chemotherapy + blinatumomab", "          blina: Chemotherapy + blinatumomab", null, "data.adam.adsl.arm.values.blina",
          "arm 'blina' is not defined; arms are chemotherapy, blinatumomab" },
        { "      risk: risk_group", "      risk_group: risk_group", null, "data.simple.strata.risk_group",
          "stratification factor 'risk_group' is not defined; stratification factors are risk" },
        { "    covariates:\n      sex: sex\n", "", "    participant: participant_id\n    arm: arm", "data.simple.covariates",
          "the required key 'covariates' is missing" },
        { "    label: Chemotherapy + blinatumomab", "    label: Chemotherapy + blinatumomab\n    control: true", "    control: true\n\nallocation", "arms[1].control",
          "arm 'blinatumomab' is marked as control but 'chemotherapy' already is; exactly one arm is the control" },
        { "    label: Chemotherapy\n    control: true", "    label: Chemotherapy", "  - id: chemotherapy", "arms",
          "no arm is marked 'control: true'; mark exactly one arm as the control" },
        { "  ratio: \"1:1\"", "  ratio: \"1:1:1\"", null, "allocation.ratio",
          "the ratio 1:1:1 has 3 parts but there are 2 arms (chemotherapy, blinatumomab); give one number per arm, in the order of 'arms'" },
        { "  ratio: \"1:1\"", "  ratio: 1-to-1", null, "allocation.ratio",
          "'1-to-1' is not a ratio of positive whole numbers such as 1:1 or 2:1" },
        { "  block_sizes: [4, 6]", "  block_sizes: [4, 5]", null, "allocation.block_sizes[1]",
          "block size 5 is not a positive multiple of 2, the sum of the ratio 1:1" },
        { "  block_sizes: [4, 6]", "  block_sizes: 4", null, "allocation.block_sizes",
          "expected a list, got '4'" },
        { "  method: permuted-blocks", "  method: blocks", null, "allocation.method",
          "'blocks' is not one of permuted-blocks, minimization" },
        { "  method: permuted-blocks", "  method: minimization", "  block_sizes: [4, 6]", "allocation.block_sizes",
          "is only allowed with 'method: permuted-blocks'" },
        { "death, second_malignancy]\n    origin", "death, smn]\n    origin", "death, smn]", "endpoints[0].events[4]",
          "component 'smn' is not defined; components are marrow_relapse, cns_relapse, other_relapse, death, second_malignancy" },
        { "        label: Isolated CNS relapse\n        events: [cns_relapse]", "        label: Isolated CNS relapse\n        events: [marrow_relapse]", "        events: [marrow_relapse]\n      - id: other_relapse", "endpoints[1].causes[1].events[0]",
          "component 'marrow_relapse' already belongs to cause 'marrow'; each component is one cause" },
        { "      second_malignancy: {date: second_malignancy_date}\n", "", "      marrow_relapse: {date", "data.simple.events",
          "component 'second_malignancy' (used by endpoint 'dfs') has no columns; add 'second_malignancy: {date: …}'" },
        { "    endpoint: dfs\n    compare", "    endpoint: relapse_site\n    compare", "    endpoint: relapse_site", "analyses.primary.endpoint",
          "endpoint 'relapse_site' is a competing-risks endpoint; the primary analysis needs a first-event endpoint (one with 'events')" },
        { "    endpoint: relapse_site", "    endpoint: dfs_by_site", null, "analyses.competing_risks.endpoint",
          "endpoint 'dfs_by_site' is not defined; endpoints are dfs, relapse_site" },
        { "  - id: cns_relapse\n    label: Isolated CNS", "  - id: marrow_relapse\n    label: Isolated CNS", "  - id: marrow_relapse\n    label: Isolated CNS", "components[1].id",
          "component id 'marrow_relapse' is defined twice" },
        { "  alpha: 0.025", "  alpha: 0.5", null, "design.alpha", "alpha = 0.5; it must lie in (0, 0.5)" },
        { "  alpha: 0.025", "  alpha: 0", null, "design.alpha", "alpha = 0; it must lie in (0, 0.5)" },
        { "  alpha: 0.025", "  alpha: high", null, "design.alpha", "expected a finite number, got 'high'" },
        { "  alpha: 0.025", "  alpha: .nan", null, "design.alpha", "expected a finite number, got '.nan'" },
        { "  alpha: 0.025", "  alpha: .inf", null, "design.alpha", "expected a finite number, got '.inf'" },
        { "  alpha: 0.025", "  alpha: -.inf", null, "design.alpha", "expected a finite number, got '-.inf'" },
        { "  alpha: 0.025", "  alpha: \"0.025\"", null, "design.alpha", "expected a number, got the quoted text \"0.025\" (remove the quotes)" },
        { "  alpha: 0.025", "  alpha:", null, "design.alpha", "has no value; give a number" },
        { "  power: 0.8", "  power: 1.2", null, "design.power", "power = 1.2; it must lie in (alpha, 1) = (0.025, 1)" },
        { "  power: 0.8", "  power: 0.8\n  beta: 0.2", "  power: 0.8", "design.power", "give either 'beta' or 'power' (= 1 − beta), not both" },
        { "  hazard_ratio: 0.6", "  hazard_ratio: 0", null, "design.hazard_ratio", "hazard_ratio = 0; it must be positive and different from 1" },
        { "  hazard_ratio: 0.6", "  hazard_ratio: -0.6", null, "design.hazard_ratio", "hazard_ratio = -0.6; it must be positive and different from 1" },
        { "  hazard_ratio: 0.6", "  hazard_ratio: 1", null, "design.hazard_ratio", "hazard_ratio = 1; it must be positive and different from 1" },
        { "  information: [0.25, 0.5, 0.75, 1]", "  information: [0.25, 0.5, 0.4, 1]", null, "design.information[2]",
          "information fractions must increase; 0.4 follows 0.5" },
        { "  information: [0.25, 0.5, 0.75, 1]", "  information: [0.25, 0.5, 0.75, 0.9]", null, "design.information[3]",
          "the last information fraction is 0.9; it must be 1 (the final analysis)" },
        { "  information: [0.25, 0.5, 0.75, 1]", "  information: [0, 0.5, 0.75, 1]", null, "design.information[0]",
          "information fraction 0 must lie in (0, 1]" },
        { "  looks: 4", "  looks: 3", null, "design.looks", "looks = 3 but 'information' lists 4 fractions" },
        { "  spending: obrien-fleming", "  spending: obf-ish", null, "design.spending",
          "Unknown spending function 'obf-ish'. Use 'obrien-fleming', 'pocock', 'hsd:<gamma>' (e.g. hsd:-4) or 'power:<rho>' (e.g. power:3)." },
        { "  planned_events: 165\n", "", "    endpoint: dfs\n    stratified: true", "analyses.monitoring",
          "interim monitoring needs 'planned_events' in 'design' (events at information fraction 1)" },
        { "  min_grade: 3", "  min_grade: 6", null, "analyses.safety.min_grade", "min_grade = 6; CTCAE grades are 1 … 5" },
        { "  min_grade: 3", "  min_grade: 3.5", null, "analyses.safety.min_grade", "expected a whole number, got '3.5'" },
        { "    milestone: 36              # 3-year DFS", "    milestone: -36", null, "endpoints[0].milestone", "the milestone = -36; it must be positive" },
        { "  - id: chemotherapy", "  - id: chemo therapy", null, "arms[0].id",
          "'chemo therapy' is not a valid identifier (use letters, digits, '-', '_' or '.', starting with a letter or digit)" },
        { "    control: true", "    control: yes", null, "arms[0].control", "expected true or false, got 'yes'" },
        { "  id: AALL1731\n", "", "  title: >-", "trial.id", "the required key 'id' is missing" },
        { "        dfs: DFS\n", "", "        relapse_site: FIRSTEVT", "data.adam.adtte.parameters",
          "endpoint 'dfs' is analysed but has no ADTTE PARAMCD; add 'dfs: <PARAMCD>'" },
        { "    levels: [SR-average, SR-high]", "    levels: SR-average", null, "strata[0].levels", "expected a list, got 'SR-average'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RejectsWithLineAndKey(string find, string replace, string? marker, string keyPath, string reason)
    {
        string yaml = Edit(RepositoryFiles.ExampleProtocol, find, replace);
        int line = LineOf(yaml, marker ?? replace.TrimStart('\n'));
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "protocol.yaml"));
        Assert.Equal(reason, e.Reason);
        Assert.Equal(keyPath, e.KeyPath);
        Assert.Equal(line, e.Line);
        Assert.Equal("protocol.yaml", e.File);
        Assert.Equal($"protocol.yaml, line {line}, key '{keyPath}': {reason}", e.Message);
    }

    [Fact]
    public void TheMessageOfTheIssueExample()
    {
        string yaml = Edit(RepositoryFiles.ExampleProtocol, "    compare: [blinatumomab]", "    compare: blina");
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "protocol.yaml"));
        Assert.Equal(
            $"protocol.yaml, line {LineOf(yaml, "compare: blina")}, key 'analyses.primary.compare': arm 'blina' is not defined; arms are chemotherapy, blinatumomab",
            e.Message);
        Assert.Equal(14, e.Column);
    }

    [Fact]
    public void MalformedYamlIsASyntaxErrorWithItsLine()
    {
        string yaml = Edit(RepositoryFiles.ExampleProtocol, "  method: permuted-blocks", "  method: permuted: blocks");
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "protocol.yaml"));
        Assert.Equal("", e.KeyPath);
        Assert.Equal(LineOf(yaml, "  method: permuted: blocks"), e.Line);
        Assert.Equal(19, e.Column);
        Assert.StartsWith($"protocol.yaml, line {e.Line}, column 19: not valid YAML: ", e.Message);
        Assert.StartsWith("not valid YAML: While scanning a plain scalar", e.Reason);
    }

    [Fact]
    public void AnUnclosedBracketIsReportedAtTheEndOfTheFile()
    {
        string yaml = Edit(RepositoryFiles.ExampleProtocol, "  block_sizes: [4, 6]", "  block_sizes: [4, 6");
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "protocol.yaml"));
        Assert.Equal("not valid YAML: the file ends inside an unclosed bracket, brace or quote", e.Reason);
        Assert.Equal(yaml.Count(c => c == '\n') + 1, e.Line);
    }

    [Fact]
    public void DuplicateKeysAreRejected()
    {
        string yaml = Edit(RepositoryFiles.ExampleProtocol, "  alpha: 0.025", "  alpha: 0.025\n  alpha: 0.05");
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "protocol.yaml"));
        Assert.Equal("not valid YAML: Duplicate key alpha", e.Reason);
        Assert.Equal(LineOf(yaml, "  alpha: 0.05"), e.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void EmptyFileIsRejected(string yaml)
    {
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "empty.yaml"));
        Assert.Equal("empty.yaml, line 1, column 1: the file is empty", e.Message);
    }

    [Fact]
    public void ADocumentThatIsNotAMappingIsRejected()
    {
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse("- just\n- a list\n", "list.yaml"));
        Assert.Equal("expected a mapping (key: value lines), got a list", e.Reason);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void TwoDocumentsAreRejected()
    {
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(MinimalProtocol.Text + "\n---\ntrial: {}\n", "two.yaml"));
        Assert.Equal("the file holds more than one YAML document; a protocol is one document", e.Reason);
    }

    [Fact]
    public void MinimizationSettingsAreChecked()
    {
        string yaml = Edit(MinimalProtocol.Text, "  block_sizes: [2]", "  method: minimization\n  minimization:\n    factors: [site]\n    probability: 0.5");
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "m.yaml"));
        Assert.Equal("allocation.minimization.probability", e.KeyPath);
        Assert.Equal("probability = 0.5; it must lie in (0.5, 1]", e.Reason);
        Assert.Equal(LineOf(yaml, "    probability: 0.5"), e.Line);

        var ok = TrialProtocol.Parse(yaml.Replace("probability: 0.5", "probability: 0.75"), "m.yaml");
        Assert.Equal(AllocationMethod.Minimization, ok.Allocation.Method);
        Assert.Equal(new MinimizationSettings(ok.Allocation.Minimization!.Factors, 0.75), ok.Allocation.Minimization);
        Assert.Equal(["site"], ok.Allocation.Minimization.Factors);
        Assert.Empty(ok.Allocation.BlockSizes);
    }

    [Fact]
    public void MinimalProtocolGetsTheDefaults()
    {
        var p = TrialProtocol.Parse(MinimalProtocol.Text, "minimal.yaml");
        Assert.Equal(TimeUnit.Months, p.TimeUnit);
        Assert.Equal("a", p.Arm("a").Label);
        Assert.Equal(AllocationMethod.PermutedBlocks, p.Allocation.Method);
        Assert.Empty(p.Allocation.StratifyBy);
        Assert.Empty(p.Strata);
        Assert.Null(p.Design);
        Assert.Null(p.Data.Adam);
        Assert.Null(p.Summary.LearningObjective);
        var primary = p.Analyses.Primary;
        Assert.Equal(["b"], primary.Compare);
        Assert.Empty(primary.StratifyBy);
        Assert.Equal(0.95, primary.ConfidenceLevel);
        Assert.Null(p.Analyses.Safety);
        Assert.Throws<KeyNotFoundException>(() => p.Arm("c"));
        Assert.Throws<KeyNotFoundException>(() => p.Endpoint("dfs"));
    }

    [Fact]
    public void ADesignWithDefaults()
    {
        var p = TrialProtocol.Parse(MinimalProtocol.Text + "\ndesign:\n  looks: 3\n", "d.yaml");
        var o = p.Design!.Boundaries;
        Assert.Equal(3, o.Looks);
        Assert.Null(o.Information);
        Assert.Equal(0.025, o.Alpha);
        Assert.Equal(0.2, o.Beta);
        Assert.Null(o.BetaSpending);
        Assert.Equal(12, p.Design.DropoutTime);
    }

    [Fact]
    public void SafetyNeedsTheAdverseEventTable()
    {
        string yaml = MinimalProtocol.Text + "\n  safety:\n    min_grade: 3\n";
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "s.yaml"));
        Assert.Equal("data.simple", e.KeyPath);
        Assert.Equal("the safety analysis needs 'adverse_events' (participant, term and grade columns)", e.Reason);
        Assert.Equal(LineOf(yaml, "    participant: id"), e.Line);
    }

    [Fact]
    public void MonitoringNeedsADesign()
    {
        string yaml = MinimalProtocol.Text + "\n  monitoring:\n    endpoint: os\n";
        var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(yaml, "s.yaml"));
        Assert.Equal("analyses.monitoring", e.KeyPath);
        Assert.Equal(LineOf(yaml, "  monitoring:") + 1, e.Line);
        Assert.Equal("interim monitoring needs a 'design' section (looks, spending, alpha, planned_events)", e.Reason);
    }

    [Fact]
    public void LoadReportsTheFileName()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, Edit(MinimalProtocol.Text, "  ratio: \"1:1\"", "  ratio: \"2:1\""));
            var e = Assert.Throws<ProtocolException>(() => TrialProtocol.Load(path));
            Assert.Equal(Path.GetFileName(path), e.File);
            Assert.Equal("allocation.block_sizes[0]", e.KeyPath);
            Assert.Equal("block size 2 is not a positive multiple of 3, the sum of the ratio 2:1", e.Reason);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static string Edit(string yaml, string find, string replace)
    {
        int at = yaml.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the text");
        Assert.True(yaml.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' occurs more than once");
        return yaml[..at] + replace + yaml[(at + find.Length)..];
    }

    internal static int LineOf(string yaml, string marker)
    {
        int at = yaml.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' is not in the text");
        return 1 + yaml.AsSpan(0, at).Count('\n');
    }
}
