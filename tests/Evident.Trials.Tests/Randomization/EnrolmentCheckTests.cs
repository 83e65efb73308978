using Evident.Trials.Protocol;
using Evident.Trials.Randomization;
using Evident.Trials.Storage;

namespace Evident.Trials.Tests.Randomization;

public sealed class EnrolmentCheckTests
{
    private static readonly TrialProtocol Protocol = TrialProtocol.Load(Evident.Trials.Tests.Protocol.RepositoryFiles.ExampleProtocolPath);

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
