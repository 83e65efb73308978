using Evident.Protocol;
using Evident.Testing;

namespace Evident.Randomization.Tests.Randomization;

/// <summary>
/// Every rule of <see cref="RandomizationService"/> on plain inputs, without a database: the state a store would read
/// is written out by hand.
/// </summary>
public sealed class RandomizationServiceTests
{
    private static readonly TrialProtocol Blocks = TrialProtocol.Load(RepositoryFiles.ExampleProtocolPath);

    /// <summary>The example protocol with Pocock–Simon minimization over risk and site, at probability <paramref name="p"/>.</summary>
    private static TrialProtocol MinimizationProtocol(string p) => TrialProtocol.Parse(RepositoryFiles.ExampleProtocol.Replace(
        "  method: permuted-blocks\n  block_sizes: [4, 6]\n  stratify_by: [risk]",
        $"  method: minimization\n  minimization:\n    factors: [risk, site]\n    probability: {p}"), "minimization.yaml");

    private static readonly IReadOnlyList<IReadOnlyDictionary<string, int>> NoCounts = [];

    private static EnrolmentRequest Request(string id = "P1", string site = "S1", string risk = "SR-high", IReadOnlyDictionary<string, string>? covariates = null) =>
        new(id, site, new Dictionary<string, string> { ["risk"] = risk },
            new Dictionary<string, bool> { ["age"] = true, ["standard_risk"] = true, ["prior_therapy"] = false }, covariates);

    private static Allocation Stored(string id = "P1", string site = "S1", string risk = "SR-high", IReadOnlyDictionary<string, string>? covariates = null) =>
        new(7, "AALL1731", id, site, new Dictionary<string, string> { ["risk"] = risk }, "blinatumomab", new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), "coord1", null, null)
        {
            Covariates = covariates ?? new Dictionary<string, string>(),
        };

    private static RandomizationState Fresh(string? listedArm = "chemotherapy", int sequence = 1) => new(null, null, true, sequence, listedArm, NoCounts);

    /// <summary>A generator that fails the test if drawn from: only minimization may draw.</summary>
    private sealed class NoDraws : Random
    {
        protected override double Sample() => throw new InvalidOperationException("drew a random number");
        public override int Next(int maxValue) => throw new InvalidOperationException("drew a random number");
        public override double NextDouble() => throw new InvalidOperationException("drew a random number");
    }

    [Fact]
    public void Permuted_blocks_allocate_the_arm_listed_at_the_next_slot_without_drawing()
    {
        var decision = RandomizationService.Decide(Blocks, Request(), Fresh("blinatumomab", sequence: 5), new NoDraws());
        Assert.Equal((RandomizationStatus.Created, "blinatumomab"), (decision.Status, decision.Arm));
        Assert.Null(decision.Existing);
        Assert.Null(decision.Message);
        Assert.Empty(RandomizationService.MinimizationLevels(Blocks, Request()));
    }

    [Fact]
    public void A_used_up_list_is_refused_naming_the_stratum_and_its_length()
    {
        var decision = RandomizationService.Decide(Blocks, Request(risk: "SR-average"), Fresh(listedArm: null, sequence: 21), new NoDraws());
        Assert.Equal(RandomizationStatus.ListExhausted, decision.Status);
        Assert.Null(decision.Arm);
        Assert.Equal("The allocation list of stratum 'risk=SR-average' is used up (20 slots); the unblinded statistician must extend it.", decision.Message);
    }

    [Fact]
    public void A_repeat_with_the_same_details_returns_the_allocation_made_whatever_else_holds()
    {
        var sex = new Dictionary<string, string> { ["sex"] = "female" };
        var existing = Stored(covariates: sex);
        // The list is used up, the key names another participant and the site is unknown: the repeat still wins.
        var state = new RandomizationState(existing, Stored(id: "P2"), false, 21, null, NoCounts);
        var decision = RandomizationService.Decide(Blocks, Request(covariates: new Dictionary<string, string>(sex)), state, new NoDraws());
        Assert.Equal(RandomizationStatus.Existing, decision.Status);
        Assert.Same(existing, decision.Existing);
        Assert.Null(decision.Arm);
        // No covariates given and none recorded is the same too (null and empty alike).
        Assert.Equal(RandomizationStatus.Existing, RandomizationService.Decide(Blocks, Request(), Fresh() with { Participant = Stored() }, new NoDraws()).Status);
    }

    [Fact]
    public void A_repeat_with_another_site_or_stratum_is_a_conflict()
    {
        const string message = "Participant 'P1' is already randomized with a different site or different stratification values.";
        foreach (var request in new[] { Request(site: "S2"), Request(risk: "SR-average") })
        {
            var decision = RandomizationService.Decide(Blocks, request, Fresh() with { Participant = Stored() }, new NoDraws());
            Assert.Equal((RandomizationStatus.Conflict, message), (decision.Status, decision.Message));
            Assert.Null(decision.Existing);
        }
    }

    [Fact]
    public void A_repeat_with_other_covariates_is_a_conflict_naming_those_recorded()
    {
        var male = Request(covariates: new Dictionary<string, string> { ["sex"] = "male" });
        var recorded = RandomizationService.Decide(Blocks, male, Fresh() with { Participant = Stored(covariates: new Dictionary<string, string> { ["sex"] = "female" }) }, new NoDraws());
        Assert.Equal((RandomizationStatus.Conflict, "Participant 'P1' is already randomized with different baseline covariates (sex female)."),
            (recorded.Status, recorded.Message));
        var none = RandomizationService.Decide(Blocks, male, Fresh() with { Participant = Stored() }, new NoDraws());
        Assert.Equal("Participant 'P1' is already randomized with different baseline covariates (none recorded).", none.Message);
    }

    [Fact]
    public void An_idempotency_key_used_for_another_participant_is_a_conflict()
    {
        var decision = RandomizationService.Decide(Blocks, Request(), Fresh() with { KeyHolder = Stored(id: "P2") }, new NoDraws());
        Assert.Equal((RandomizationStatus.Conflict, "The Idempotency-Key was already used for another participant."), (decision.Status, decision.Message));
    }

    [Fact]
    public void An_unknown_site_is_refused_before_any_slot_is_taken()
    {
        var decision = RandomizationService.Decide(Blocks, Request(site: "S9"), Fresh() with { SiteExists = false }, new NoDraws());
        Assert.Equal((RandomizationStatus.UnknownSite, "Site 'S9' is not a site of trial 'AALL1731'."), (decision.Status, decision.Message));
    }

    [Fact]
    public void Minimization_balances_the_participants_levels_deterministically_at_p_1()
    {
        var protocol = MinimizationProtocol("1.0");
        var request = Request(site: "S1", risk: "SR-high");
        Assert.Equal([new MinimizationLevel("risk", "SR-high"), new MinimizationLevel("site", "S1")], RandomizationService.MinimizationLevels(protocol, request));
        // Risk SR-high: 3 on chemotherapy, 1 on blinatumomab; site S1: 2 and 2 (an arm the protocol does not have is ignored).
        // G_chemotherapy = (4 − 1) + (3 − 2) = 4; G_blinatumomab = (3 − 2) + (3 − 2) = 2 → blinatumomab.
        IReadOnlyList<IReadOnlyDictionary<string, int>> counts =
        [
            new Dictionary<string, int> { ["chemotherapy"] = 3, ["blinatumomab"] = 1 },
            new Dictionary<string, int> { ["chemotherapy"] = 2, ["blinatumomab"] = 2, ["retired-arm"] = 9 },
        ];
        var decision = RandomizationService.Decide(protocol, request, new RandomizationState(null, null, true, 9, null, counts), new Random(5));
        Assert.Equal((RandomizationStatus.Created, "blinatumomab"), (decision.Status, decision.Arm));
    }

    [Fact]
    public void Minimization_draws_as_Pocock_Simon_does_with_the_same_seed_and_ignores_the_list()
    {
        var protocol = MinimizationProtocol("0.8");
        IReadOnlyList<IReadOnlyDictionary<string, int>> counts =
        [
            new Dictionary<string, int> { ["chemotherapy"] = 1 },
            new Dictionary<string, int>(),
        ];
        for (int seed = 0; seed < 40; seed++)
        {
            var expected = Minimization.Choose([1, 1], [1, 0, 0, 0], 0.8, new Random(seed));
            var decision = RandomizationService.Decide(protocol, Request(), new RandomizationState(null, null, true, 1, null, counts), new Random(seed));
            Assert.Equal(protocol.Arms[expected.Arm].Id, decision.Arm);
        }
    }

    [Fact]
    public void Minimization_counts_that_do_not_match_the_factors_are_an_error()
    {
        var state = new RandomizationState(null, null, true, 1, null, [new Dictionary<string, int>()]);
        Assert.Throws<ArgumentException>(() => RandomizationService.Decide(MinimizationProtocol("0.8"), Request(), state, new Random(1)));
    }

    [Fact]
    public void An_idempotency_key_is_1_to_128_characters_without_control_characters()
    {
        Assert.True(RandomizationService.IsValidIdempotencyKey("k"));
        Assert.True(RandomizationService.IsValidIdempotencyKey(new string('k', RandomizationService.MaxIdempotencyKeyLength)));
        Assert.True(RandomizationService.IsValidIdempotencyKey("clé 1/2"));
        Assert.False(RandomizationService.IsValidIdempotencyKey(""));
        Assert.False(RandomizationService.IsValidIdempotencyKey(new string('k', RandomizationService.MaxIdempotencyKeyLength + 1)));
        Assert.False(RandomizationService.IsValidIdempotencyKey("key\n"));
    }
}
