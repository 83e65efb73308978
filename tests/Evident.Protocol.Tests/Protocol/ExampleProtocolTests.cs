using Evident.Testing;
using System.Security.Cryptography;
using Evident.Design;
using Evident.Statistics;
using Evident.Protocol;
using Evident.Statistics.Cox;

namespace Evident.Protocol.Tests.Protocol;

public sealed class ExampleProtocolTests
{
    private static readonly TrialProtocol Example = TrialProtocol.Load(RepositoryFiles.ExampleProtocolPath);

    [Fact]
    public void IdentityAndArms()
    {
        Assert.Equal("AALL1731", Example.Trial.Id);
        Assert.Equal("NCT03914625", Example.Trial.Registration);
        Assert.Equal("1.0-synthetic", Example.Trial.Version);
        Assert.Equal("Children's Oncology Group", Example.Trial.Sponsor);
        Assert.StartsWith("Gupta S, Rau RE, Kairalla JA", Example.Trial.Citation);
        Assert.Equal("protocol.yaml", Example.SourceName);
        Assert.Equal(["chemotherapy", "blinatumomab"], Example.Arms.Select(a => a.Id));
        Assert.Equal("chemotherapy", Example.Control.Id);
        Assert.Equal("Chemotherapy + blinatumomab", Example.Arm("blinatumomab").Label);
        Assert.Equal(TimeUnit.Months, Example.TimeUnit);
        Assert.Equal(6, Example.Summary.Abbreviations.Count);
        Assert.Equal(new Abbreviation("DFS", "disease-free survival"), Example.Summary.Abbreviations[2]);
    }

    [Fact]
    public void AllocationAndStrata()
    {
        var a = Example.Allocation;
        Assert.Equal([1, 1], a.Ratio);
        Assert.Equal(AllocationMethod.PermutedBlocks, a.Method);
        Assert.Equal([4, 6], a.BlockSizes);
        Assert.Equal(["risk"], a.StratifyBy);
        Assert.Null(a.Minimization);
        var risk = Assert.Single(Example.Strata);
        Assert.Equal(["SR-average", "SR-high"], risk.Levels);
        Assert.Equal(3, Example.Eligibility.Count);
        Assert.False(Example.Eligibility[2].RequiredAnswer);
        Assert.True(Example.Eligibility[0].RequiredAnswer);
    }

    [Fact]
    public void EndpointsAreBuiltFromComponents()
    {
        var dfs = Example.PrimaryEndpoint;
        Assert.Equal(EndpointKind.FirstEvent, dfs.Kind);
        Assert.Equal(["marrow_relapse", "cns_relapse", "other_relapse", "death", "second_malignancy"], dfs.Components);
        Assert.Equal(36.0, dfs.Milestone);
        Assert.Equal(36.0, dfs.RmstHorizon);
        Assert.Equal(EndpointOrigin.Randomization, dfs.Origin);
        Assert.Equal(CensoringRule.LastContact, dfs.CensorAt);

        var sites = Example.Endpoint("relapse_site");
        Assert.Equal(EndpointKind.CompetingRisks, sites.Kind);
        Assert.Equal(["marrow", "cns", "other_relapse", "death_in_remission", "second_malignancy"], sites.Causes.Select(c => c.Id));
        Assert.Equal(["death"], sites.Causes[3].Components);
        Assert.Equal(dfs.Components, sites.Components);
        Assert.Null(sites.RmstHorizon);
    }

    [Fact]
    public void DataMappingForBothLayouts()
    {
        var s = Example.Data.Simple!;
        Assert.Equal("participant_id", s.Participant);
        Assert.Equal(new ColumnBinding("risk", "risk_group", s.Strata[0].Values), s.Strata[0]);
        Assert.Empty(s.Strata[0].Values);
        Assert.Equal(5, s.Events.Count);
        Assert.Equal(new ComponentColumns("other_relapse", "relapse_date", "relapse_site", s.Events[2].TypeValues), s.Events[2]);
        Assert.Equal(["combined", "other"], s.Events[2].TypeValues);
        Assert.Null(s.Events[3].TypeColumn);
        Assert.Equal(new AdverseEventColumns("participant_id", "term", "grade"), s.AdverseEvents);

        var a = Example.Data.Adam!;
        Assert.Equal("ARM", a.Arm.Column);
        Assert.Equal("blinatumomab", a.Arm.CodeOf("Chemotherapy + blinatumomab"));
        Assert.Null(a.Arm.CodeOf("Placebo"));
        Assert.Equal("male", a.Covariates[0].CodeOf("M"));
        Assert.Equal("SR-high", a.Strata[0].CodeOf("SR-high"));
        Assert.Equal([new AdamParameter("dfs", "DFS"), new AdamParameter("relapse_site", "FIRSTEVT")], a.Parameters);
        Assert.Equal(["COMBINED RELAPSE", "OTHER RELAPSE"], a.Events[2].Descriptions);
        Assert.Equal(new AdverseEventColumns("USUBJID", "AEDECOD", "AETOXGRN"), a.AdverseEvents);
    }

    [Fact]
    public void DesignFeedsTheDesignLibrary()
    {
        var d = Example.Design!;
        var o = d.Boundaries;
        Assert.Equal(4, o.Looks);
        Assert.Equal([0.25, 0.5, 0.75, 1.0], o.Information!);
        Assert.Equal(0.025, o.Alpha);
        Assert.Equal(SpendingFunction.OBrienFleming, o.Spending);
        Assert.Equal(0.2, o.Beta, 15);
        Assert.Equal(SpendingFunction.HwangShihDeCani(-2), o.BetaSpending);
        Assert.False(o.BindingFutility);
        Assert.False(o.TwoSided);
        Assert.Equal(0.6, d.HazardRatio);
        Assert.Equal(0.0034, d.ControlHazard);
        Assert.Null(d.ControlMedian);
        Assert.Equal(165, d.PlannedEvents);
        Assert.Equal(1440, d.Participants);

        var design = GroupSequential.Create(o);
        Assert.Equal(4, design.CriticalValues.Count);
        var sampleSize = d.ToSampleSizeOptions(1.0)!;
        Assert.Equal(60, sampleSize.AccrualTime);
        Assert.Equal(24, sampleSize.FollowUpTime);
        Assert.Equal(0.02, sampleSize.DropoutRate);
        Assert.Null((d with { HazardRatio = null }).ToSampleSizeOptions(1.0));
    }

    [Fact]
    public void AnalysisPlan()
    {
        var p = Example.Analyses.Primary;
        Assert.Equal("dfs", p.Endpoint);
        Assert.Equal(["blinatumomab"], p.Compare);
        Assert.Equal(["risk"], p.StratifyBy);
        Assert.True(p.ByStratum);
        Assert.Equal(TieMethod.Efron, p.Ties);
        Assert.Equal(0.95, p.ConfidenceLevel);
        Assert.Equal(ConfidenceType.Log, p.ConfidenceType);
        Assert.Equal(HazardRatioModel.Joint, p.HazardRatioModel);
        Assert.Equal(new SubgroupAnalysis("dfs", Example.Analyses.Subgroups!.By), Example.Analyses.Subgroups);
        Assert.Equal(["risk", "sex"], Example.Analyses.Subgroups!.By);
        Assert.Equal(new CompetingRisksAnalysis("relapse_site", "Relapse by site", true, true), Assert.Single(Example.Analyses.CompetingRisks));
        Assert.Equal(3, Example.Analyses.Safety!.MinGrade);
        Assert.Equal(["Sepsis", "Catheter related infection"], Example.Analyses.Safety.Terms);
        Assert.Equal(new MonitoringPlan("dfs", true), Example.Analyses.Monitoring);
    }

    [Fact]
    public void HashIsTheSha256OfTheFileBytes()
    {
        byte[] bytes = File.ReadAllBytes(RepositoryFiles.ExampleProtocolPath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Example.Hash);
        Assert.Equal(64, Example.Hash.Length);
        // The file has no byte-order mark, so parsing its text gives the same hash.
        Assert.Equal(Example.Hash, TrialProtocol.Parse(RepositoryFiles.ExampleProtocol, "protocol.yaml").Hash);
    }

    [Fact]
    public void HashOfAKnownText()
    {
        // sha256sum of the 3 bytes "abc" (FIPS 180-2 test vector); the text is not a protocol, so hash the way Parse does.
        string yaml = MinimalProtocol.Text;
        var p = TrialProtocol.Parse(yaml, "minimal.yaml");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(yaml))), p.Hash);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(SHA256.HashData("abc"u8)));
        Assert.NotEqual(p.Hash, TrialProtocol.Parse(yaml + "\n# a comment changes the hash\n", "minimal.yaml").Hash);
    }

    [Fact]
    public void LoadIgnoresAByteOrderMarkForParsingButHashesTheBytes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"protocol-bom-{Guid.NewGuid():N}.yaml");
        try
        {
            byte[] bytes = [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(MinimalProtocol.Text)];
            File.WriteAllBytes(path, bytes);
            var p = TrialProtocol.Load(path);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), p.Hash);
            Assert.Equal("MINI", p.Trial.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MilestoneTakesOneTimeOrAList()
    {
        Assert.Equal([36.0], Example.Endpoint("dfs").Milestones);
        var several = TrialProtocol.Parse(RepositoryFiles.ExampleProtocol.Replace("    milestone: 36              # 3-year DFS", "    milestone: [36, 60]", StringComparison.Ordinal), "p.yaml");
        Assert.Equal([36.0, 60.0], several.Endpoint("dfs").Milestones);
        Assert.Equal(36.0, several.Endpoint("dfs").Milestone);
        string yaml = several.ToYaml();
        Assert.Contains("milestone: [36, 60]", yaml, StringComparison.Ordinal);
        Assert.Equal(several with { SourceName = "", Hash = "" }, TrialProtocol.Parse(yaml, "again.yaml") with { SourceName = "", Hash = "" });
    }

    [Fact]
    public void SecondaryAnalysesAndNounsParseAndRoundTrip()
    {
        string text = RepositoryFiles.ExampleProtocol
            .Replace("\n  subgroups:", "\n  secondary:\n    - endpoint: dfs\n      stratify_by: []\n      confidence_level: 0.9\n      hazard_ratio_model: pairwise\n  subgroups:", StringComparison.Ordinal)
            .Replace("    milestone: 36              # 3-year DFS", "    noun: a relapse or death\n    milestone: 36", StringComparison.Ordinal);
        var p = TrialProtocol.Parse(text, "p.yaml");
        var secondary = Assert.Single(p.Analyses.Secondary);
        Assert.Equal(("dfs", 0.9, HazardRatioModel.Pairwise, 0, true), (secondary.Endpoint, secondary.ConfidenceLevel, secondary.HazardRatioModel, secondary.StratifyBy.Count, secondary.ByStratum));
        Assert.Equal("a relapse or death", p.Endpoint("dfs").Noun);
        Assert.Equal(p with { SourceName = "", Hash = "" }, TrialProtocol.Parse(p.ToYaml(), "again.yaml") with { SourceName = "", Hash = "" });
        var bad = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(text.Replace("      hazard_ratio_model: pairwise", "      hazard_ratio: pairwise", StringComparison.Ordinal), "p.yaml"));
        Assert.Contains("analyses.secondary[0].hazard_ratio", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompetingRisksMayBeAListOfBlocksEachEndpointOnce()
    {
        const string block = "  competing_risks:\n    endpoint: relapse_site\n    title: Relapse by site\n    by_stratum: true\n    gray_test: true\n";
        Assert.Contains(block, RepositoryFiles.ExampleProtocol, StringComparison.Ordinal);
        string list = RepositoryFiles.ExampleProtocol.Replace(block,
            "  competing_risks:\n    - endpoint: relapse_site\n      title: Relapse by site\n      by_stratum: true\n", StringComparison.Ordinal);
        var p = TrialProtocol.Parse(list, "p.yaml");
        Assert.Equal(Example.Analyses.CompetingRisks, p.Analyses.CompetingRisks);
        Assert.Equal(p with { SourceName = "", Hash = "" }, TrialProtocol.Parse(p.ToYaml(), "again.yaml") with { SourceName = "", Hash = "" });
        Assert.Contains(block, Example.ToYaml(), StringComparison.Ordinal); // one block is still written as a mapping
        var twice = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(list.Replace("      by_stratum: true\n", "      by_stratum: true\n    - endpoint: relapse_site\n", StringComparison.Ordinal), "p.yaml"));
        Assert.Contains("analyses.competing_risks[1]", twice.Message, StringComparison.Ordinal);
        Assert.Contains("endpoint 'relapse_site' has a competing-risks analysis already", twice.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(list.Replace("      by_stratum: true", "      by_strata: true", StringComparison.Ordinal), "p.yaml"));
        Assert.Contains("analyses.competing_risks[0].by_strata", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataWithoutDatesMapFollowUpTimeAndAStatusPerComponent()
    {
        const string dated = """
                randomized: randomization_date
                last_contact: last_contact_date
                events:
                  marrow_relapse: {date: relapse_date, type: relapse_site, values: [marrow]}
                  cns_relapse: {date: relapse_date, type: relapse_site, values: [cns]}
                  other_relapse: {date: relapse_date, type: relapse_site, values: [combined, other]}
                  death: {date: death_date, cause: death_cause}
                  second_malignancy: {date: second_malignancy_date}
            """;
        const string times = """
                follow_up_time: months_followed
                events:
                  marrow_relapse: {status: marrow, time: marrow_time}
                  cns_relapse: {status: cns, time: cns_time}
                  other_relapse: {status: other, time: other_time}
                  death: {status: died}
                  second_malignancy: {status: smn, time: smn_time}
            """;
        Assert.Contains(dated, RepositoryFiles.ExampleProtocol, StringComparison.Ordinal);
        string text = RepositoryFiles.ExampleProtocol.Replace(dated, times, StringComparison.Ordinal);
        var p = TrialProtocol.Parse(text, "p.yaml");
        var simple = p.Data.Simple!;
        Assert.Equal(("months_followed", null, null), (simple.FollowUpTime, simple.Randomized, simple.LastContact));
        var death = simple.Events.Single(e => e.Component == "death");
        Assert.Equal(("died", null, null), (death.StatusColumn, death.TimeColumn, death.DateColumn));
        Assert.Equal("marrow_time", simple.Events.Single(e => e.Component == "marrow_relapse").TimeColumn);
        Assert.Equal(p with { SourceName = "", Hash = "" }, TrialProtocol.Parse(p.ToYaml(), "again.yaml") with { SourceName = "", Hash = "" });

        var mixed = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(text.Replace("{status: died}", "{date: death_date}", StringComparison.Ordinal), "p.yaml"));
        Assert.Contains("data.simple.events.death.date", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("so each component has 'status'", mixed.Message, StringComparison.Ordinal);
        var both = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(text.Replace("    follow_up_time: months_followed\n", "    follow_up_time: months_followed\n    randomized: randomization_date\n", StringComparison.Ordinal), "p.yaml"));
        Assert.Contains("data.simple.randomized", both.Message, StringComparison.Ordinal);
        var statusWithDates = Assert.Throws<ProtocolException>(() => TrialProtocol.Parse(RepositoryFiles.ExampleProtocol.Replace("{date: death_date, cause: death_cause}", "{date: death_date, status: died}", StringComparison.Ordinal), "p.yaml"));
        Assert.Contains("'status' belongs to data given as time since randomization", statusWithDates.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTripIsStable()
    {
        string first = Example.ToYaml();
        var again = TrialProtocol.Parse(first, "canonical.yaml");
        Assert.Equal(Example with { SourceName = "", Hash = "" }, again with { SourceName = "", Hash = "" });
        Assert.Equal(first, again.ToYaml());
        var minimal = TrialProtocol.Parse(MinimalProtocol.Text, "m.yaml");
        var minimalAgain = TrialProtocol.Parse(minimal.ToYaml(), "m.yaml");
        Assert.Equal(minimal with { Hash = "" }, minimalAgain with { Hash = "" });
    }

    [Fact]
    public void RecordsCompareByValue()
    {
        var a = TrialProtocol.Parse(RepositoryFiles.ExampleProtocol, "a.yaml");
        var b = TrialProtocol.Parse(RepositoryFiles.ExampleProtocol, "a.yaml");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        var c = TrialProtocol.Parse(RepositoryFiles.ExampleProtocol.Replace("block_sizes: [4, 6]", "block_sizes: [4, 8]"), "a.yaml");
        Assert.NotEqual(a.Allocation, c.Allocation);
    }

    [Fact]
    public void TimeUnitsInDays()
    {
        Assert.Equal(1.0, TimeUnit.Days.Days());
        Assert.Equal(7.0, TimeUnit.Weeks.Days());
        Assert.Equal(30.4375, TimeUnit.Months.Days());
        Assert.Equal(365.25, TimeUnit.Years.Days());
    }
}
