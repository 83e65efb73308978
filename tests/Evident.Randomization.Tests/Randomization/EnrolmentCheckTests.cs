using Evident.Testing;
using Evident.Protocol;
using Evident.Randomization;
using Evident.Randomization.Audit;

namespace Evident.Randomization.Tests.Randomization;

public sealed class EnrolmentCheckTests
{
    private static readonly TrialProtocol Protocol = TrialProtocol.Load(RepositoryFiles.ExampleProtocolPath);

    private static EnrolmentRequest Request(string id = "P1", string risk = "SR-high", bool prior = false) =>
        new(id, "S1", new Dictionary<string, string> { ["risk"] = risk },
            new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = prior });

    [Fact]
    public void A_complete_eligible_request_has_no_problems_and_its_stratum_key_names_the_level()
    {
        Assert.Empty(EnrolmentCheck.Problems(Protocol, Request()));
        Assert.Equal("risk=SR-high", StratumKey.For(Protocol, Request().Strata));
        Assert.Equal(["risk=SR-average", "risk=SR-high"], StratumKey.All(Protocol));
    }

    [Fact]
    public void Each_problem_is_reported_under_its_field()
    {
        Assert.Equal(["strata.risk"], EnrolmentCheck.Problems(Protocol, Request(risk: "SR-low")).Keys);
        Assert.Equal(["eligibility.prior_therapy"], EnrolmentCheck.Problems(Protocol, Request(prior: true)).Keys);
        Assert.Equal(["participantId"], EnrolmentCheck.Problems(Protocol, Request(id: "")).Keys);
        Assert.Equal(["participantId"], EnrolmentCheck.Problems(Protocol, Request(id: " P1")).Keys);
        Assert.Equal(["participantId"], EnrolmentCheck.Problems(Protocol, Request(id: new string('x', 65))).Keys);
        var empty = new EnrolmentRequest("P1", "S1", new Dictionary<string, string>(), new Dictionary<string, bool>());
        Assert.Equal(["strata.risk", "eligibility.age", "eligibility.standard_risk", "eligibility.prior_therapy"], EnrolmentCheck.Problems(Protocol, empty).Keys);
    }

    private static EnrolmentRequest WithCovariates(params (string Id, string Value)[] covariates) =>
        Request() with { Covariates = covariates.ToDictionary(c => c.Id, c => c.Value) };

    [Fact]
    public void A_covariate_given_with_one_of_its_levels_or_left_out_is_no_problem()
    {
        Assert.Empty(EnrolmentCheck.Problems(Protocol, WithCovariates(("sex", "female"))));
        Assert.Empty(EnrolmentCheck.Problems(Protocol, WithCovariates(("sex", "male"))));
        // Missing is allowed: not recorded.
        Assert.Empty(EnrolmentCheck.Problems(Protocol, WithCovariates()));
        Assert.Null(Request().Covariates);
        Assert.Empty(EnrolmentCheck.Problems(Protocol, Request()));
    }

    [Fact]
    public void An_unknown_covariate_or_a_value_that_is_not_a_level_is_a_problem_under_its_field()
    {
        var unknown = EnrolmentCheck.Problems(Protocol, WithCovariates(("sex", "female"), ("age_group", "young")));
        Assert.Equal(["covariates.age_group"], unknown.Keys);
        Assert.Equal(["'age_group' is not a covariate of this protocol; the covariates are sex."], unknown["covariates.age_group"]);

        var level = EnrolmentCheck.Problems(Protocol, WithCovariates(("sex", "F")));
        Assert.Equal(["covariates.sex"], level.Keys);
        Assert.Equal(["'F' is not a level of Sex: choose female or male, or leave it unrecorded."], level["covariates.sex"]);

        // Levels are matched exactly, and an empty value is not "not recorded".
        Assert.Equal(["'Female' is not a level of Sex: choose female or male, or leave it unrecorded."],
            EnrolmentCheck.Problems(Protocol, WithCovariates(("sex", "Female")))["covariates.sex"]);
        Assert.Equal(["An empty value is not a level of Sex: choose female or male, or leave it unrecorded."],
            EnrolmentCheck.Problems(Protocol, WithCovariates(("sex", "")))["covariates.sex"]);

        // Covariate problems come with the others, each under its own field.
        var all = EnrolmentCheck.Problems(Protocol, Request(risk: "SR-low") with { Covariates = new Dictionary<string, string> { ["sex"] = "x", ["colour"] = "red" } });
        Assert.Equal(["strata.risk", "covariates.sex", "covariates.colour"], all.Keys);
    }

    [Fact]
    public void A_covariate_without_levels_takes_short_text_and_a_protocol_without_covariates_names_none()
    {
        string yaml = RepositoryFiles.ExampleProtocol;
        var free = TrialProtocol.Parse(yaml.Replace("    levels: [female, male]\n", ""), "protocol.yaml");
        Assert.Empty(free.Covariates.Single().Levels);
        Assert.Empty(EnrolmentCheck.Problems(free, WithCovariates(("sex", "F"))));
        Assert.Equal(["Sex must be 1 to 64 characters without control characters or surrounding spaces, or left unrecorded."],
            EnrolmentCheck.Problems(free, WithCovariates(("sex", " F")))["covariates.sex"]);
        Assert.Equal(["covariates.sex"], EnrolmentCheck.Problems(free, WithCovariates(("sex", new string('x', 65)))).Keys);
        Assert.Equal(["covariates.sex"], EnrolmentCheck.Problems(free, WithCovariates(("sex", ""))).Keys);

        var none = TrialProtocol.Parse(yaml.Replace("covariates:\n  - id: sex\n    label: Sex\n    levels: [female, male]\n", "")
                                           .Replace("    covariates:\n      sex: sex\n", "")
                                           .Replace("      covariates:\n        sex:\n          column: SEX\n          values: {female: F, male: M}\n", "")
                                           .Replace("by: [risk, sex]", "by: [risk]"), "protocol.yaml");
        Assert.Empty(none.Covariates);
        Assert.Equal(["'sex' is not a covariate of this protocol (it has none)."], EnrolmentCheck.Problems(none, WithCovariates(("sex", "male")))["covariates.sex"]);
    }

    [Fact]
    public void Audit_chain_detects_an_altered_record_and_a_missing_tail()
    {
        var records = new List<AuditRecord>();
        string previous = AuditChain.Genesis;
        for (int i = 1; i <= 3; i++)
        {
            string hash = AuditChain.Hash(i, "T", "2026-01-01T00:00:00.0000000Z", "u", "randomize", $"participant:P{i}", "{}", null, previous);
            records.Add(new AuditRecord(i, "T", "2026-01-01T00:00:00.0000000Z", "u", "randomize", $"participant:P{i}", "{}", null, previous, hash));
            previous = hash;
        }
        Assert.True(AuditChain.Verify(records, 3, previous).IsIntact);
        var altered = records.ToList();
        altered[1] = altered[1] with { Actor = "mallory" };
        Assert.Equal(2, AuditChain.Verify(altered, 3, previous).FirstBroken);
        Assert.Equal(3, AuditChain.Verify(records.Take(2), 3, previous).FirstBroken);
        // The genesis hash and the field layout are fixed: this value is the contract of existing databases.
        Assert.Equal(64, records[0].Hash.Length);
        Assert.Equal(AuditChain.Hash(1, "T", "2026-01-01T00:00:00.0000000Z", "u", "randomize", "participant:P1", "{}", null, AuditChain.Genesis), records[0].Hash);
        Assert.NotEqual(AuditChain.Hash(1, "T", "2026-01-01T00:00:00.0000000Z", "u", "randomize", "participant:P1", "{}", "", AuditChain.Genesis), records[0].Hash);
    }
}
